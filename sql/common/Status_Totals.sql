SELECT
    (SELECT COUNT(*) FROM episodes) AS Episodes,
    (SELECT COUNT(*) FROM administrations) AS Administrations,
    (SELECT COUNT(*) FROM administrations WHERE is_valid = 1) AS ValidAdministrations,
    (SELECT COUNT(*) FROM answers) AS Answers,
    (SELECT COUNT(*) FROM pending_answers) AS Pending,
    (SELECT COUNT(*) FROM batches) AS Batches,
    (SELECT COUNT(*) FROM refusals) AS Refusals;
