-- Till schema, version 2: the books say what happened.
-- Whether shelf prices include tax is one setting for the whole store (prices.include_tax),
-- which pricing follows for every rate. The per-rate flag was saved but never read, so a
-- rate that said "added to prices" was priced as the store setting said: it goes.
ALTER TABLE tax_rates DROP COLUMN inclusive;
