INSERT INTO catalog_items (instrument, item, item_min, item_max, reverse) VALUES (@Instrument, @Item, @ItemMin, @ItemMax, @Reverse);
