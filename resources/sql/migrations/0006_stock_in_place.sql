-- Till schema, version 6: room on the products' pages for their stock to change in place.
-- Every sale, refund and goods receipt updates products.stock_base. When a row's page is
-- full, PostgreSQL writes the new version on another page and adds it to every index of
-- the table (six, two of them trigram indexes for the search); with room on the same page
-- the update is "heap-only" and touches no index. A goods receipt of 1,000 products spent
-- about half its statement's time there. A fillfactor of 80 leaves a fifth of each page
-- for new versions, and the rewrite puts the rows already there on such pages (once; it
-- locks the table while it runs, about a second per 20,000 products).
-- SQLite updates a row in place whatever its page holds: nothing to do there.

--@ postgresql
ALTER TABLE products SET (fillfactor = 80);

--@ postgresql
CLUSTER products USING products_pkey;
