INSERT INTO catalog_instruments (instrument, item_count, min_answered, scoring) VALUES (@Instrument, @ItemCount, @MinAnswered, @Scoring);
