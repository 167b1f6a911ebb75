SELECT COUNT(*) FROM pending_answers;
