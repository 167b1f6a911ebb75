-- Each staged run learns its administration's integer id, so answers join by integer from here on.
UPDATE stage_admins SET admin_id = a.admin_id
FROM administrations a
WHERE a.administration_ref = stage_admins.administration_ref;
