-- Till schema, version 1: the whole product, so later work adds behaviour, not tables.
-- One file for SQLite and PostgreSQL: {{id}}, {{timestamp}} and {{now}} are expanded by
-- the dialect. Money is BIGINT minor units (*_minor), quantities BIGINT base units
-- (*_base, base_quantity), instants UTC. A statement ends with ';' at the end of a line.

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE lanes (
    name TEXT PRIMARY KEY,
    next_bill_number BIGINT NOT NULL DEFAULT 1 CHECK (next_bill_number >= 1),
    next_refund_number BIGINT NOT NULL DEFAULT 1 CHECK (next_refund_number >= 1),
    next_z_number BIGINT NOT NULL DEFAULT 1 CHECK (next_z_number >= 1),
    created_at {{timestamp}} NOT NULL DEFAULT {{now}}
);

CREATE TABLE users (
    id {{id}},
    login TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('cashier', 'manager', 'admin')),
    pin_hash TEXT NOT NULL,
    pin_salt TEXT NOT NULL,
    pin_iterations INTEGER NOT NULL CHECK (pin_iterations > 0),
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until {{timestamp}},
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at {{timestamp}} NOT NULL DEFAULT {{now}}
);

CREATE TABLE categories (
    id {{id}},
    name TEXT NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tax_rates (
    id {{id}},
    name TEXT NOT NULL UNIQUE,
    rate_bp INTEGER NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 10000),
    inclusive BOOLEAN NOT NULL DEFAULT TRUE
);

-- cost_minor buys cost_per_base base units (1 for pieces, 1000 for a kilo or a litre),
-- so the cost of loose goods stays a whole number of cents.
CREATE TABLE products (
    id {{id}},
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    category_id BIGINT REFERENCES categories (id),
    tax_rate_id BIGINT NOT NULL REFERENCES tax_rates (id),
    base_unit TEXT NOT NULL CHECK (base_unit IN ('piece', 'gram', 'millilitre')),
    stock_base BIGINT NOT NULL DEFAULT 0,
    reorder_level_base BIGINT NOT NULL DEFAULT 0 CHECK (reorder_level_base >= 0),
    cost_minor BIGINT CHECK (cost_minor >= 0),
    cost_per_base BIGINT NOT NULL DEFAULT 1 CHECK (cost_per_base >= 1),
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at {{timestamp}} NOT NULL DEFAULT {{now}},
    updated_at {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX products_category_idx ON products (category_id);
CREATE INDEX products_name_idx ON products (name);

-- The sellable units of a product: the base unit itself (base_per_unit 1) and packs.
CREATE TABLE product_units (
    id {{id}},
    product_id BIGINT NOT NULL REFERENCES products (id),
    name TEXT NOT NULL,
    base_per_unit BIGINT NOT NULL CHECK (base_per_unit >= 1),
    price_minor BIGINT NOT NULL CHECK (price_minor >= 0),
    barcode TEXT UNIQUE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at {{timestamp}} NOT NULL DEFAULT {{now}},
    UNIQUE (product_id, name)
);
CREATE INDEX product_units_product_idx ON product_units (product_id);

CREATE TABLE shifts (
    id {{id}},
    lane TEXT NOT NULL REFERENCES lanes (name),
    cashier_id BIGINT NOT NULL REFERENCES users (id),
    opened_at {{timestamp}} NOT NULL,
    closed_at {{timestamp}},
    closed_by BIGINT REFERENCES users (id),
    opening_float_minor BIGINT NOT NULL DEFAULT 0 CHECK (opening_float_minor >= 0),
    expected_cash_minor BIGINT,
    counted_cash_minor BIGINT,
    z_number BIGINT,
    UNIQUE (lane, z_number)
);
CREATE UNIQUE INDEX shifts_one_open_per_lane ON shifts (lane) WHERE closed_at IS NULL;
CREATE INDEX shifts_opened_idx ON shifts (opened_at);

-- A Z report as printed, kept so it can be reprinted and never changes.
CREATE TABLE z_reports (
    id {{id}},
    shift_id BIGINT NOT NULL UNIQUE REFERENCES shifts (id),
    lane TEXT NOT NULL,
    number BIGINT NOT NULL,
    created_at {{timestamp}} NOT NULL,
    content TEXT NOT NULL,
    UNIQUE (lane, number)
);

CREATE TABLE cash_movements (
    id {{id}},
    shift_id BIGINT NOT NULL REFERENCES shifts (id),
    user_id BIGINT NOT NULL REFERENCES users (id),
    kind TEXT NOT NULL CHECK (kind IN ('in', 'out', 'drawer_open')),
    amount_minor BIGINT NOT NULL DEFAULT 0 CHECK (amount_minor >= 0),
    reason TEXT,
    created_at {{timestamp}} NOT NULL
);
CREATE INDEX cash_movements_shift_idx ON cash_movements (shift_id);

-- uuid is made by the till before the commit: a commit retried after a lost reply finds
-- the bill it already wrote. Numbers are per lane and gap-free (lanes.next_bill_number).
CREATE TABLE bills (
    id {{id}},
    uuid TEXT NOT NULL UNIQUE,
    number BIGINT NOT NULL,
    lane TEXT NOT NULL REFERENCES lanes (name),
    cashier_id BIGINT NOT NULL REFERENCES users (id),
    shift_id BIGINT REFERENCES shifts (id),
    created_at {{timestamp}} NOT NULL,
    subtotal_minor BIGINT NOT NULL,
    discount_minor BIGINT NOT NULL DEFAULT 0,
    tax_minor BIGINT NOT NULL,
    rounding_minor BIGINT NOT NULL DEFAULT 0,
    total_minor BIGINT NOT NULL,
    approved_by BIGINT REFERENCES users (id),
    UNIQUE (lane, number)
);
CREATE INDEX bills_created_idx ON bills (created_at);
CREATE INDEX bills_shift_idx ON bills (shift_id);
CREATE INDEX bills_cashier_created_idx ON bills (cashier_id, created_at);

CREATE TABLE bill_items (
    id {{id}},
    bill_id BIGINT NOT NULL REFERENCES bills (id),
    line_no INTEGER NOT NULL,
    product_id BIGINT NOT NULL REFERENCES products (id),
    unit_id BIGINT NOT NULL REFERENCES product_units (id),
    quantity BIGINT NOT NULL CHECK (quantity > 0),
    base_quantity BIGINT NOT NULL CHECK (base_quantity > 0),
    unit_price_minor BIGINT NOT NULL,
    discount_minor BIGINT NOT NULL DEFAULT 0,
    tax_rate_bp INTEGER NOT NULL,
    tax_minor BIGINT NOT NULL,
    total_minor BIGINT NOT NULL,
    refunded_base_quantity BIGINT NOT NULL DEFAULT 0,
    UNIQUE (bill_id, line_no),
    CHECK (refunded_base_quantity >= 0 AND refunded_base_quantity <= base_quantity)
);
CREATE INDEX bill_items_product_idx ON bill_items (product_id);

CREATE TABLE refunds (
    id {{id}},
    uuid TEXT NOT NULL UNIQUE,
    number BIGINT NOT NULL,
    lane TEXT NOT NULL REFERENCES lanes (name),
    bill_id BIGINT NOT NULL REFERENCES bills (id),
    cashier_id BIGINT NOT NULL REFERENCES users (id),
    approved_by BIGINT REFERENCES users (id),
    shift_id BIGINT REFERENCES shifts (id),
    reason TEXT NOT NULL DEFAULT '',
    created_at {{timestamp}} NOT NULL,
    total_minor BIGINT NOT NULL,
    UNIQUE (lane, number)
);
CREATE INDEX refunds_bill_idx ON refunds (bill_id);
CREATE INDEX refunds_created_idx ON refunds (created_at);
CREATE INDEX refunds_shift_idx ON refunds (shift_id);

CREATE TABLE refund_items (
    id {{id}},
    refund_id BIGINT NOT NULL REFERENCES refunds (id),
    bill_item_id BIGINT NOT NULL REFERENCES bill_items (id),
    base_quantity BIGINT NOT NULL CHECK (base_quantity > 0),
    refunded_amount_minor BIGINT NOT NULL CHECK (refunded_amount_minor >= 0),
    restock BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX refund_items_refund_idx ON refund_items (refund_id);
CREATE INDEX refund_items_bill_item_idx ON refund_items (bill_item_id);

-- A payment belongs to a bill (money in) or to a refund (money out), never both.
CREATE TABLE payments (
    id {{id}},
    bill_id BIGINT REFERENCES bills (id),
    refund_id BIGINT REFERENCES refunds (id),
    shift_id BIGINT REFERENCES shifts (id),
    method TEXT NOT NULL CHECK (method IN ('cash', 'card')),
    amount_minor BIGINT NOT NULL CHECK (amount_minor >= 0),
    tendered_minor BIGINT,
    change_minor BIGINT NOT NULL DEFAULT 0,
    reference TEXT,
    created_at {{timestamp}} NOT NULL,
    CHECK ((bill_id IS NULL) <> (refund_id IS NULL))
);
CREATE INDEX payments_bill_idx ON payments (bill_id);
CREATE INDEX payments_refund_idx ON payments (refund_id);
CREATE INDEX payments_shift_idx ON payments (shift_id);

-- Goods receipts, stocktakes and adjustments: a document with lines, posted at once.
CREATE TABLE stock_documents (
    id {{id}},
    kind TEXT NOT NULL CHECK (kind IN ('receipt', 'stocktake', 'adjustment')),
    number BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'posted')),
    supplier TEXT,
    note TEXT,
    user_id BIGINT REFERENCES users (id),
    created_at {{timestamp}} NOT NULL,
    posted_at {{timestamp}},
    UNIQUE (kind, number)
);

CREATE TABLE stock_document_lines (
    id {{id}},
    document_id BIGINT NOT NULL REFERENCES stock_documents (id),
    product_id BIGINT NOT NULL REFERENCES products (id),
    unit_id BIGINT REFERENCES product_units (id),
    quantity BIGINT NOT NULL,
    base_quantity BIGINT NOT NULL,
    cost_minor BIGINT,
    counted_base BIGINT
);
CREATE INDEX stock_document_lines_document_idx ON stock_document_lines (document_id);

-- The ledger: every change of products.stock_base is a row here, the opening stock
-- included, so stock_base = SUM(delta_base) for every product.
CREATE TABLE stock_movements (
    id {{id}},
    product_id BIGINT NOT NULL REFERENCES products (id),
    delta_base BIGINT NOT NULL,
    reason TEXT NOT NULL CHECK (reason IN ('opening', 'sale', 'refund', 'receipt',
        'stocktake', 'damaged', 'lost', 'found', 'correction')),
    bill_id BIGINT REFERENCES bills (id),
    refund_id BIGINT REFERENCES refunds (id),
    document_id BIGINT REFERENCES stock_documents (id),
    user_id BIGINT REFERENCES users (id),
    note TEXT,
    created_at {{timestamp}} NOT NULL
);
CREATE INDEX stock_movements_product_idx ON stock_movements (product_id, id);
CREATE INDEX stock_movements_bill_idx ON stock_movements (bill_id);
CREATE INDEX stock_movements_refund_idx ON stock_movements (refund_id);

-- A sale put aside to serve the next customer; payload is the cart as JSON.
CREATE TABLE parked_carts (
    id {{id}},
    uuid TEXT NOT NULL UNIQUE,
    lane TEXT NOT NULL,
    cashier_id BIGINT NOT NULL REFERENCES users (id),
    label TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL,
    created_at {{timestamp}} NOT NULL
);

-- The favourites grid on the sale screen, arranged by a manager.
CREATE TABLE quick_keys (
    id {{id}},
    position INTEGER NOT NULL UNIQUE CHECK (position >= 0),
    unit_id BIGINT NOT NULL REFERENCES product_units (id),
    label TEXT
);

-- Insert-only record of every sensitive action.
CREATE TABLE audit_log (
    id {{id}},
    at {{timestamp}} NOT NULL,
    user_id BIGINT REFERENCES users (id),
    approved_by BIGINT REFERENCES users (id),
    lane TEXT,
    action TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_user_idx ON audit_log (user_id, at);
CREATE INDEX audit_log_action_idx ON audit_log (action, at);
