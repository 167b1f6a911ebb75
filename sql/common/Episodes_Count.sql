SELECT COUNT(*) FROM episodes;
