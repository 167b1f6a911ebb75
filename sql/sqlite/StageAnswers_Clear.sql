-- As sql/common/StageAnswers_Clear.sql, and the staged runs' pseudonym index goes until Stage_Prepare
-- builds it again for the runs staged next.
DROP INDEX IF EXISTS temp.ix_stage_admins_ref;
DELETE FROM stage_answers;
DELETE FROM stage_admins;
