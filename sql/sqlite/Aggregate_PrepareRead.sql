-- Run before the aggregate stage's reads on its own connection: large sorts and GROUP BYs spill to
-- temporary files instead of memory (the store's connections default to temp_store=MEMORY, which at a
-- million episodes would hold gigabytes of sort runs in RAM). Store.ConnectAsync resets it per connection.
PRAGMA temp_store = FILE;
