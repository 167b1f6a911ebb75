DELETE FROM stage_answers WHERE administration_ref IN (SELECT administration_ref FROM stage_bad);
