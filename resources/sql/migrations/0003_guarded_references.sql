-- Till schema, version 3: references the writers guarantee, without a trigger per row.
-- On PostgreSQL a foreign key is checked by a trigger for every row written, and it locks
-- the parent row FOR KEY SHARE: a 50-line sale fired over 300 of them, almost half of its
-- statement's time, and a goods receipt paid the same for each of its lines. The children
-- that hot paths write row by row lose those keys on PostgreSQL; what the keys promised
-- holds another way:
-- - Lanes, users, shifts, bills, bill lines, refunds and stock documents are never deleted
--   and never change their key: the database refuses both (the triggers below), so a row
--   that named one once names it for ever.
-- - Products and their units are deleted only without history, by
--   ProductRepository::removeUnlessHistory, which locks the product FOR UPDATE first and
--   looks for history in the statements after the lock (a fresh snapshot each). A writer
--   must hold the products it names locked before the deletion looks, or find out after
--   its lock that one is gone: the sale locks them in its `locked` CTE and fails whole when
--   fewer were locked than named, and its `bad` CTE checks that each unit is a unit of
--   that product.
-- SQLite keeps its keys: they are checked in process and one writer holds the whole file.
-- It gets the same refusal to delete.

--@ postgresql
CREATE FUNCTION till_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'till: rows of % are never deleted', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;

--@ postgresql
CREATE FUNCTION till_refuse_key_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'till: the key of % never changes', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;

--@ postgresql
CREATE TRIGGER lanes_never_deleted BEFORE DELETE OR TRUNCATE ON lanes
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_delete();
--@ postgresql
CREATE TRIGGER users_never_deleted BEFORE DELETE OR TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_delete();
--@ postgresql
CREATE TRIGGER shifts_never_deleted BEFORE DELETE OR TRUNCATE ON shifts
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_delete();
--@ postgresql
CREATE TRIGGER bills_never_deleted BEFORE DELETE OR TRUNCATE ON bills
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_delete();
--@ postgresql
CREATE TRIGGER bill_items_never_deleted BEFORE DELETE OR TRUNCATE ON bill_items
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_delete();
--@ postgresql
CREATE TRIGGER refunds_never_deleted BEFORE DELETE OR TRUNCATE ON refunds
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_delete();
--@ postgresql
CREATE TRIGGER stock_documents_never_deleted BEFORE DELETE OR TRUNCATE ON stock_documents
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_delete();

-- Only an UPDATE that names the key column fires these: selling, which updates lanes,
-- shifts and products all day, never does.
--@ postgresql
CREATE TRIGGER lanes_key_kept BEFORE UPDATE OF name ON lanes
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_key_change();
--@ postgresql
CREATE TRIGGER users_key_kept BEFORE UPDATE OF id ON users
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_key_change();
--@ postgresql
CREATE TRIGGER shifts_key_kept BEFORE UPDATE OF id ON shifts
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_key_change();
--@ postgresql
CREATE TRIGGER bills_key_kept BEFORE UPDATE OF id ON bills
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_key_change();
--@ postgresql
CREATE TRIGGER bill_items_key_kept BEFORE UPDATE OF id ON bill_items
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_key_change();
--@ postgresql
CREATE TRIGGER refunds_key_kept BEFORE UPDATE OF id ON refunds
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_key_change();
--@ postgresql
CREATE TRIGGER stock_documents_key_kept BEFORE UPDATE OF id ON stock_documents
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_key_change();
--@ postgresql
CREATE TRIGGER products_key_kept BEFORE UPDATE OF id ON products
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_key_change();
--@ postgresql
CREATE TRIGGER product_units_key_kept BEFORE UPDATE OF id, product_id ON product_units
    FOR EACH STATEMENT EXECUTE FUNCTION till_refuse_key_change();

--@ postgresql
ALTER TABLE bills
    DROP CONSTRAINT bills_lane_fkey,
    DROP CONSTRAINT bills_cashier_id_fkey,
    DROP CONSTRAINT bills_shift_id_fkey,
    DROP CONSTRAINT bills_approved_by_fkey;
--@ postgresql
ALTER TABLE bill_items
    DROP CONSTRAINT bill_items_bill_id_fkey,
    DROP CONSTRAINT bill_items_product_id_fkey,
    DROP CONSTRAINT bill_items_unit_id_fkey;
--@ postgresql
ALTER TABLE refunds
    DROP CONSTRAINT refunds_lane_fkey,
    DROP CONSTRAINT refunds_bill_id_fkey,
    DROP CONSTRAINT refunds_cashier_id_fkey,
    DROP CONSTRAINT refunds_approved_by_fkey,
    DROP CONSTRAINT refunds_shift_id_fkey;
--@ postgresql
ALTER TABLE refund_items
    DROP CONSTRAINT refund_items_refund_id_fkey,
    DROP CONSTRAINT refund_items_bill_item_id_fkey;
--@ postgresql
ALTER TABLE payments
    DROP CONSTRAINT payments_bill_id_fkey,
    DROP CONSTRAINT payments_refund_id_fkey,
    DROP CONSTRAINT payments_shift_id_fkey;
--@ postgresql
ALTER TABLE stock_documents
    DROP CONSTRAINT stock_documents_user_id_fkey;
--@ postgresql
ALTER TABLE stock_document_lines
    DROP CONSTRAINT stock_document_lines_document_id_fkey,
    DROP CONSTRAINT stock_document_lines_product_id_fkey,
    DROP CONSTRAINT stock_document_lines_unit_id_fkey;
--@ postgresql
ALTER TABLE stock_movements
    DROP CONSTRAINT stock_movements_product_id_fkey,
    DROP CONSTRAINT stock_movements_bill_id_fkey,
    DROP CONSTRAINT stock_movements_refund_id_fkey,
    DROP CONSTRAINT stock_movements_document_id_fkey,
    DROP CONSTRAINT stock_movements_user_id_fkey;

--@ sqlite
CREATE TRIGGER lanes_never_deleted BEFORE DELETE ON lanes
BEGIN
    SELECT RAISE(ABORT, 'till: rows of lanes are never deleted');
END;
--@ sqlite
CREATE TRIGGER users_never_deleted BEFORE DELETE ON users
BEGIN
    SELECT RAISE(ABORT, 'till: rows of users are never deleted');
END;
--@ sqlite
CREATE TRIGGER shifts_never_deleted BEFORE DELETE ON shifts
BEGIN
    SELECT RAISE(ABORT, 'till: rows of shifts are never deleted');
END;
--@ sqlite
CREATE TRIGGER bills_never_deleted BEFORE DELETE ON bills
BEGIN
    SELECT RAISE(ABORT, 'till: rows of bills are never deleted');
END;
--@ sqlite
CREATE TRIGGER bill_items_never_deleted BEFORE DELETE ON bill_items
BEGIN
    SELECT RAISE(ABORT, 'till: rows of bill_items are never deleted');
END;
--@ sqlite
CREATE TRIGGER refunds_never_deleted BEFORE DELETE ON refunds
BEGIN
    SELECT RAISE(ABORT, 'till: rows of refunds are never deleted');
END;
--@ sqlite
CREATE TRIGGER stock_documents_never_deleted BEFORE DELETE ON stock_documents
BEGIN
    SELECT RAISE(ABORT, 'till: rows of stock_documents are never deleted');
END;
