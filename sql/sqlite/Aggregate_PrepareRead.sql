-- Run before the aggregate stage's reads on its own connection. The store's connections keep temp
-- B-trees in memory with a 64 MB page cache (fine for small reads); here the window sort and the GROUP
-- BYs run over every administration, and each sorter may hold up to the cache size in RAM. Spilling
-- to temporary files with a 16 MB cache measured, at 100,000 episodes: 73 MB instead of 242 MB
-- resident for the outcome query, ~10% more CPU. Store.ConnectAsync resets both for the next user
-- of this pooled connection.
PRAGMA temp_store = FILE;
PRAGMA cache_size = -16384;
