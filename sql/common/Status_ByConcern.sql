SELECT presenting_concern AS Key, COUNT(*) AS Count FROM episodes GROUP BY presenting_concern ORDER BY presenting_concern;
