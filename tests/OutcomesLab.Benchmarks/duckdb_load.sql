-- The DuckDB peer's load stage: the same CSV batches our ingest reads, reduced to their final state
-- (docs/contracts/exchange-format.md: newest batch wins per episode_id and per (administration_id,
-- item); an administration's header - episode, instrument, date, session - comes from its newest
-- batch).
-- Batch folder names sort in export order, as in OutcomesLab.Ingest.DropFolder (ordinal).
-- {drop} is replaced by the drop folder (single quotes doubled) before the script runs.
CREATE OR REPLACE TABLE episodes AS
WITH raw AS (
    SELECT *, regexp_extract(filename, '([^/]+)/episodes\.csv$', 1) AS batch
    FROM read_csv('{drop}/*/episodes.csv', header = true, all_varchar = true, filename = true)
)
SELECT episode_id, presenting_concern, approach,
       CAST(intake_date AS DATE) AS intake_date,
       COALESCE(NULLIF(end_reason, ''), 'ongoing') AS end_reason
FROM raw
QUALIFY row_number() OVER (PARTITION BY episode_id ORDER BY batch DESC) = 1;

CREATE OR REPLACE TEMP TABLE responses_raw AS
SELECT administration_id, episode_id, instrument,
       CAST(administered_date AS DATE) AS administered_date,
       CAST(session_number AS INTEGER) AS session_number,
       item, TRY_CAST(NULLIF(value, '') AS INTEGER) AS value,
       regexp_extract(filename, '([^/]+)/responses\.csv$', 1) AS batch
FROM read_csv('{drop}/*/responses.csv', header = true, all_varchar = true, filename = true);

CREATE OR REPLACE TABLE administrations AS
SELECT administration_id, episode_id, instrument, administered_date, session_number
FROM responses_raw
QUALIFY row_number() OVER (PARTITION BY administration_id ORDER BY batch DESC) = 1;

CREATE OR REPLACE TABLE answers AS
SELECT administration_id, item, value
FROM responses_raw
QUALIFY row_number() OVER (PARTITION BY administration_id, item ORDER BY batch DESC) = 1;

DROP TABLE responses_raw;
