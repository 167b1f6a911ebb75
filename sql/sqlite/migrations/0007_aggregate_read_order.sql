-- The aggregate stage's read order: every valid administration in (episode, instrument, session,
-- day, pseudonym) order, the order baseline and final are picked in. Partial (valid, scored rows
-- only) and covering (every column the stage reads, is_valid included so SQLite can prove it
-- covers), so the stage is one sequential index scan with no sort and no table lookup, instead of a
-- windowed GROUP BY that sorts every administration. The price: a larger store file and index
-- upkeep on administration upserts.
CREATE INDEX ix_administrations_valid_order
    ON administrations (episode_ref, instrument, session_number, administered_day, administration_ref, score, is_valid)
    WHERE is_valid = 1 AND score IS NOT NULL;
