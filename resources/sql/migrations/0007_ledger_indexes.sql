-- Till schema, version 7: the ledger indexes only the rows that name a bill or a refund.
-- Every ledger row went into the bill and the refund index, though a sale's rows name no
-- refund and a goods receipt's or stock count's name neither: a 1,000-product receipt
-- wrote 2,000 index entries of NULL. A lookup by bill or refund names one, so the partial
-- indexes serve it as before.
DROP INDEX stock_movements_bill_idx;
CREATE INDEX stock_movements_bill_idx ON stock_movements (bill_id) WHERE bill_id IS NOT NULL;
DROP INDEX stock_movements_refund_idx;
CREATE INDEX stock_movements_refund_idx ON stock_movements (refund_id)
    WHERE refund_id IS NOT NULL;
