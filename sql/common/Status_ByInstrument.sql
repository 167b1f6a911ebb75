SELECT instrument AS Key, COUNT(*) AS Count FROM administrations WHERE is_valid = 1 GROUP BY instrument ORDER BY instrument;
