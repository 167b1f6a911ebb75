-- Run before the aggregate stage's reads on its own connection. The stage scans an index in order
-- (no sort, no temp B-tree), so a large page cache buys nothing: a cache a quarter of the store's
-- usual one (Store.ConnectAsync) keeps its resident memory small however big the store.
-- temp_store = FILE keeps any temporary structure a future query plan might need off the heap.
-- Store.ConnectAsync resets both for the next user of this pooled connection.
PRAGMA temp_store = FILE;
PRAGMA cache_size = -16384;
