-- Administrations whose rows are not all consecutive in the file (several runs).
SELECT COUNT(*) FROM (SELECT administration_ref FROM stage_admins GROUP BY administration_ref HAVING COUNT(*) > 1) t;
