SELECT COALESCE(MAX(admin_id), 0) FROM administrations;
