-- The aggregate stage's read order: every valid administration in (episode, instrument, session,
-- day, pseudonym) order, the order baseline and final are picked in. Partial (valid, scored rows
-- only) and covering (score INCLUDEd), byte-wise ("C") text order as the tie rule on pseudonyms of
-- docs/contracts/metrics.md needs, so Aggregate_ValidAdministrationsWithEpisodes can read it in
-- order instead of sorting every administration.
CREATE INDEX ix_administrations_valid_order
    ON administrations (episode_ref COLLATE "C", instrument COLLATE "C", session_number, administered_day, administration_ref COLLATE "C")
    INCLUDE (score)
    WHERE is_valid = 1 AND score IS NOT NULL;
