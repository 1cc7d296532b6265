-- Finding a product by a typed term without reading the whole catalogue. The term matches
-- as it always has (the name holds it, the SKU starts with it, a barcode is it); these
-- indexes only find the candidates faster.

-- PostgreSQL: trigram GIN indexes, which ILIKE '%term%' and ILIKE 'term%' use. pg_trgm is
-- trusted, so the database's owner may create it; it goes to public, where every schema of
-- the database sees it. A server without it (or a role that may not create it) keeps
-- working: the search then scans, as before.
--@ postgresql
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%); product search scans', SQLERRM;
END
$$;

-- The operator class is named in the schema the extension lives in, whichever that is.
--@ postgresql
DO $$
DECLARE
    trgm_schema NAME;
BEGIN
    SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NOT NULL THEN
        EXECUTE format('CREATE INDEX products_name_trgm_idx ON products '
                       'USING gin (name %I.gin_trgm_ops)', trgm_schema);
        EXECUTE format('CREATE INDEX products_sku_trgm_idx ON products '
                       'USING gin (sku %I.gin_trgm_ops)', trgm_schema);
    END IF;
END
$$;

-- SQLite: an FTS5 trigram index over the products' names and SKUs (external content: the
-- text stays in products, the triggers keep the index in step with it). It finds the
-- candidates; the search still applies LIKE to them, so what matches is unchanged.
--@ sqlite
CREATE VIRTUAL TABLE products_search USING fts5(
    name, sku, content = 'products', content_rowid = 'id', tokenize = 'trigram');

--@ sqlite
INSERT INTO products_search (products_search) VALUES ('rebuild');

--@ sqlite
CREATE TRIGGER products_search_insert AFTER INSERT ON products BEGIN
    INSERT INTO products_search (rowid, name, sku) VALUES (new.id, new.name, new.sku);
END;

--@ sqlite
CREATE TRIGGER products_search_delete AFTER DELETE ON products BEGIN
    INSERT INTO products_search (products_search, rowid, name, sku)
    VALUES ('delete', old.id, old.name, old.sku);
END;

-- Only a change of name or SKU touches the index: a sale's stock update does not.
--@ sqlite
CREATE TRIGGER products_search_update AFTER UPDATE OF name, sku ON products BEGIN
    INSERT INTO products_search (products_search, rowid, name, sku)
    VALUES ('delete', old.id, old.name, old.sku);
    INSERT INTO products_search (rowid, name, sku) VALUES (new.id, new.name, new.sku);
END;
