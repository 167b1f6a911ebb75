-- The store keeps no end month. With the intake month and the whole days from intake to end it
-- pinned the calendar intake day of some ended episodes (intake on the last day of a month, end on
-- the first day of a later one leaves one day that fits both). Nothing read it: the end is the day
-- offset alone (docs/privacy-ingest.md).
ALTER TABLE episodes DROP COLUMN end_month;
