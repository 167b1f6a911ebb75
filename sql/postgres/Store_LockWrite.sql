-- One writer at a time across every process sharing the database (released at commit/rollback).
SELECT pg_advisory_xact_lock(7243001);
