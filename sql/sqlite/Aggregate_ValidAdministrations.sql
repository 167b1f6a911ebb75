-- The aggregate stage's one pass: every valid (scored) administration in (episode, instrument,
-- session, day, pseudonym) order, byte-wise (BINARY). In this order an episode × instrument's first
-- row is its baseline and the first row of its last session its final (docs/contracts/metrics.md tie
-- rules), so C# picks both without a window or a sort. The planner reads it from the covering index
-- of migration 0007, which matches this filter and order; it is not forced (INDEXED BY), since a pull
-- killed while it had dropped the index (Administrations_DeferReadOrder) must leave a store every
-- command can read: without the index this is a scan and a sort. Episode attributes come from
-- Aggregate_Episodes, merged in C# on episode_ref: a join here would search the episodes B-tree
-- once per administration, which costs more than the whole scan.
SELECT a.episode_ref, a.instrument, a.session_number, a.score
FROM administrations a
WHERE a.is_valid = 1 AND a.score IS NOT NULL
ORDER BY a.episode_ref, a.instrument, a.session_number, a.administered_day, a.administration_ref;
