-- The aggregate's read-order index, exactly as migration 0007 made it; a no-op when it is there.
-- Run at the start and the end of every pull: a pull that dropped it (Administrations_DeferReadOrder)
-- builds it at its end, and one killed before its end leaves it to the next pull.
-- Built with a small page cache, which also bounds SQLite's sorter (it keeps up to a cache's worth of
-- keys in memory before spilling a sorted run to a temp file): the build then needs a fraction of
-- the memory the pull's cache would let it take, and is no slower for it.
PRAGMA main.cache_size = -16384;
CREATE INDEX IF NOT EXISTS ix_administrations_valid_order
    ON administrations (episode_ref, instrument, session_number, administered_day, administration_ref, score, is_valid)
    WHERE is_valid = 1 AND score IS NOT NULL;
-- Back to the pull's own size (Pull_PrepareConnection).
PRAGMA main.cache_size = -262144;
