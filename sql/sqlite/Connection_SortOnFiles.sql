-- Sorts of this connection spill to temporary files instead of memory, so work whose sorts grow
-- with the data (a pull grouping a batch's staged runs, a migration indexing a big table) keeps
-- memory flat however big the store. Not allowed inside a transaction.
-- Store.ConnectAsync resets it for the next user of the pooled connection.
PRAGMA temp_store = FILE;
