-- Till schema, version 5: a sales report reads the packs of every product it lists from
-- one index. The report lists every product sold in its period (80,000 in a month of a
-- large store) with its active units, biggest first; with the unit's columns in the index,
-- in that order, the units are read from the index alone and come out sorted.
CREATE INDEX product_units_packs_idx ON product_units (product_id, active, base_per_unit DESC, name);
