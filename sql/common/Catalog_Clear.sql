DELETE FROM catalog_items;
DELETE FROM catalog_instruments;
