SELECT approach AS Key, COUNT(*) AS Count FROM episodes GROUP BY approach ORDER BY approach;
