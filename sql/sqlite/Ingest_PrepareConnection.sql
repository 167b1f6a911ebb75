-- A pull's sorts (grouping and ordering a batch's staged runs) spill to temporary files instead of
-- memory, so a pull's memory does not grow with the size of a batch (issue 8: < 1 GiB at 1,000,000
-- episodes). Store.ConnectAsync resets it for the next user of the pooled connection.
PRAGMA temp_store = FILE;
