SELECT COUNT(*) FROM stage_answers s
JOIN administrations a ON a.administration_ref = s.administration_ref
WHERE EXISTS (SELECT 1 FROM answers x WHERE x.admin_id = a.admin_id AND x.item = s.item);
