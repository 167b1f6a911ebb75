-- The aggregate stage's read order (issues 3 and 8): every valid administration in (episode,
-- instrument, session, day, pseudonym) order, the order baseline and final are picked in. Partial
-- (valid, scored rows only) and covering (score INCLUDEd), byte-wise ("C") text order as the
-- metrics.md tie rule on pseudonyms needs, so Aggregate_ValidAdministrationsWithEpisodes can read it in order
-- instead of sorting every administration.
CREATE INDEX ix_administrations_valid_order
    ON administrations (episode_ref COLLATE "C", instrument COLLATE "C", session_number, administered_day, administration_ref COLLATE "C")
    INCLUDE (score)
    WHERE is_valid = 1 AND score IS NOT NULL;
