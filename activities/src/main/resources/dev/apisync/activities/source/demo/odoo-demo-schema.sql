-- An Odoo-shaped demo schema: a few of Odoo 16/17's tables with their real column names, and the
-- ir_model / ir_model_fields rows that describe them. Idempotent: safe to run on every start.

CREATE TABLE IF NOT EXISTS ir_model (
    id serial PRIMARY KEY,
    model varchar NOT NULL UNIQUE,
    name jsonb NOT NULL,
    state varchar DEFAULT 'base',
    transient boolean DEFAULT false
);

CREATE TABLE IF NOT EXISTS ir_model_fields (
    id serial PRIMARY KEY,
    model_id integer NOT NULL REFERENCES ir_model (id) ON DELETE CASCADE,
    model varchar NOT NULL,
    name varchar NOT NULL,
    field_description jsonb NOT NULL,
    ttype varchar NOT NULL,
    relation varchar,
    relation_field varchar,
    relation_table varchar,
    column1 varchar,
    column2 varchar,
    translate boolean DEFAULT false,
    store boolean DEFAULT true,
    required boolean DEFAULT false,
    state varchar DEFAULT 'base',
    UNIQUE (model, name)
);

CREATE TABLE IF NOT EXISTS res_country (
    id serial PRIMARY KEY,
    name jsonb NOT NULL,
    code varchar(2) UNIQUE
);

CREATE TABLE IF NOT EXISTS res_partner_category (
    id serial PRIMARY KEY,
    name jsonb NOT NULL,
    color integer,
    parent_id integer REFERENCES res_partner_category (id) ON DELETE CASCADE,
    parent_path varchar,
    active boolean DEFAULT true
);

CREATE TABLE IF NOT EXISTS res_partner (
    id serial PRIMARY KEY,
    name varchar,
    display_name varchar,
    email varchar,
    phone varchar,
    street varchar,
    city varchar,
    zip varchar,
    country_id integer REFERENCES res_country (id) ON DELETE RESTRICT,
    parent_id integer REFERENCES res_partner (id) ON DELETE SET NULL,
    is_company boolean DEFAULT false,
    customer_rank integer DEFAULT 0,
    supplier_rank integer DEFAULT 0,
    credit_limit numeric,
    active boolean DEFAULT true,
    ref varchar,
    comment text,
    create_date timestamp without time zone,
    write_date timestamp without time zone,
    partner_latitude numeric(10, 7)
);
CREATE INDEX IF NOT EXISTS res_partner_parent_id_index ON res_partner (parent_id);

CREATE TABLE IF NOT EXISTS res_partner_res_partner_category_rel (
    category_id integer NOT NULL REFERENCES res_partner_category (id) ON DELETE CASCADE,
    partner_id integer NOT NULL REFERENCES res_partner (id) ON DELETE CASCADE,
    PRIMARY KEY (category_id, partner_id)
);
CREATE INDEX IF NOT EXISTS res_partner_res_partner_category_rel_partner_id_idx
    ON res_partner_res_partner_category_rel (partner_id);

CREATE TABLE IF NOT EXISTS product_template (
    id serial PRIMARY KEY,
    name jsonb NOT NULL,
    type varchar NOT NULL,
    list_price numeric,
    active boolean DEFAULT true
);

CREATE TABLE IF NOT EXISTS product_product (
    id serial PRIMARY KEY,
    product_tmpl_id integer NOT NULL REFERENCES product_template (id) ON DELETE CASCADE,
    default_code varchar,
    active boolean DEFAULT true
);

CREATE TABLE IF NOT EXISTS sale_order (
    id serial PRIMARY KEY,
    name varchar NOT NULL,
    partner_id integer NOT NULL REFERENCES res_partner (id) ON DELETE RESTRICT,
    state varchar,
        date_order timestamp without time zone NOT NULL,
    validity_date date,
    amount_total numeric,
    create_date timestamp without time zone,
    write_date timestamp without time zone
);
CREATE INDEX IF NOT EXISTS sale_order_partner_id_index ON sale_order (partner_id);

CREATE TABLE IF NOT EXISTS sale_order_line (
    id serial PRIMARY KEY,
    order_id integer NOT NULL REFERENCES sale_order (id) ON DELETE CASCADE,
    product_id integer REFERENCES product_product (id) ON DELETE RESTRICT,
    name text NOT NULL,
    product_uom_qty numeric NOT NULL,
    price_unit numeric NOT NULL,
    price_subtotal numeric
);
CREATE INDEX IF NOT EXISTS sale_order_line_order_id_index ON sale_order_line (order_id);

INSERT INTO ir_model (model, name)
VALUES ('res.country', '{"en_US": "Country"}'),
       ('res.partner.category', '{"en_US": "Partner Tags"}'),
       ('res.partner', '{"en_US": "Contact"}'),
       ('product.template', '{"en_US": "Product"}'),
       ('product.product', '{"en_US": "Product Variant"}'),
       ('sale.order', '{"en_US": "Sales Order"}'),
       ('sale.order.line', '{"en_US": "Sales Order Line"}')
ON CONFLICT (model) DO NOTHING;

-- One row per field, as Odoo registers them. contact_address is computed and not stored: it has
-- no column, and the catalog refuses it by name.
INSERT INTO ir_model_fields (model_id, model, name, field_description, ttype, relation,
                             relation_field, relation_table, column1, column2, translate, store)
SELECT m.id, f.model, f.name, jsonb_build_object('en_US', initcap(replace(f.name, '_', ' '))),
       f.ttype, f.relation, f.relation_field, f.relation_table, f.column1, f.column2,
       f.translate, f.store
FROM (VALUES
    ('res.country', 'id', 'integer', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.country', 'name', 'char', NULL, NULL, NULL, NULL, NULL, true, true),
    ('res.country', 'code', 'char', NULL, NULL, NULL, NULL, NULL, false, true),

    ('res.partner.category', 'id', 'integer', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner.category', 'name', 'char', NULL, NULL, NULL, NULL, NULL, true, true),
    ('res.partner.category', 'color', 'integer', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner.category', 'parent_id', 'many2one', 'res.partner.category', NULL, NULL, NULL, NULL, false, true),
    ('res.partner.category', 'child_ids', 'one2many', 'res.partner.category', 'parent_id', NULL, NULL, NULL, false, true),
    ('res.partner.category', 'parent_path', 'char', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner.category', 'active', 'boolean', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner.category', 'partner_ids', 'many2many', 'res.partner', NULL, 'res_partner_res_partner_category_rel', 'category_id', 'partner_id', false, true),

    ('res.partner', 'id', 'integer', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'name', 'char', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'display_name', 'char', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'email', 'char', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'phone', 'char', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'street', 'char', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'city', 'char', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'zip', 'char', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'country_id', 'many2one', 'res.country', NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'parent_id', 'many2one', 'res.partner', NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'child_ids', 'one2many', 'res.partner', 'parent_id', NULL, NULL, NULL, false, true),
    ('res.partner', 'category_id', 'many2many', 'res.partner.category', NULL, 'res_partner_res_partner_category_rel', 'partner_id', 'category_id', false, true),
    ('res.partner', 'sale_order_ids', 'one2many', 'sale.order', 'partner_id', NULL, NULL, NULL, false, true),
    ('res.partner', 'is_company', 'boolean', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'customer_rank', 'integer', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'supplier_rank', 'integer', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'credit_limit', 'float', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'active', 'boolean', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'ref', 'char', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'comment', 'html', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'create_date', 'datetime', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'write_date', 'datetime', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'partner_latitude', 'float', NULL, NULL, NULL, NULL, NULL, false, true),
    ('res.partner', 'contact_address', 'char', NULL, NULL, NULL, NULL, NULL, false, false),

    ('product.template', 'id', 'integer', NULL, NULL, NULL, NULL, NULL, false, true),
    ('product.template', 'name', 'char', NULL, NULL, NULL, NULL, NULL, true, true),
    ('product.template', 'type', 'selection', NULL, NULL, NULL, NULL, NULL, false, true),
    ('product.template', 'list_price', 'float', NULL, NULL, NULL, NULL, NULL, false, true),
    ('product.template', 'active', 'boolean', NULL, NULL, NULL, NULL, NULL, false, true),
    ('product.template', 'product_variant_ids', 'one2many', 'product.product', 'product_tmpl_id', NULL, NULL, NULL, false, true),

    ('product.product', 'id', 'integer', NULL, NULL, NULL, NULL, NULL, false, true),
    ('product.product', 'product_tmpl_id', 'many2one', 'product.template', NULL, NULL, NULL, NULL, false, true),
    ('product.product', 'default_code', 'char', NULL, NULL, NULL, NULL, NULL, false, true),
    ('product.product', 'active', 'boolean', NULL, NULL, NULL, NULL, NULL, false, true),

    ('sale.order', 'id', 'integer', NULL, NULL, NULL, NULL, NULL, false, true),
    ('sale.order', 'name', 'char', NULL, NULL, NULL, NULL, NULL, false, true),
    ('sale.order', 'partner_id', 'many2one', 'res.partner', NULL, NULL, NULL, NULL, false, true),
    ('sale.order', 'state', 'selection', NULL, NULL, NULL, NULL, NULL, false, true),
        ('sale.order', 'date_order', 'datetime', NULL, NULL, NULL, NULL, NULL, false, true),
    ('sale.order', 'validity_date', 'date', NULL, NULL, NULL, NULL, NULL, false, true),
    ('sale.order', 'amount_total', 'monetary', NULL, NULL, NULL, NULL, NULL, false, true),
    ('sale.order', 'order_line', 'one2many', 'sale.order.line', 'order_id', NULL, NULL, NULL, false, true),
    ('sale.order', 'create_date', 'datetime', NULL, NULL, NULL, NULL, NULL, false, true),
    ('sale.order', 'write_date', 'datetime', NULL, NULL, NULL, NULL, NULL, false, true),

    ('sale.order.line', 'id', 'integer', NULL, NULL, NULL, NULL, NULL, false, true),
    ('sale.order.line', 'order_id', 'many2one', 'sale.order', NULL, NULL, NULL, NULL, false, true),
    ('sale.order.line', 'product_id', 'many2one', 'product.product', NULL, NULL, NULL, NULL, false, true),
    ('sale.order.line', 'name', 'text', NULL, NULL, NULL, NULL, NULL, false, true),
    ('sale.order.line', 'product_uom_qty', 'float', NULL, NULL, NULL, NULL, NULL, false, true),
    ('sale.order.line', 'price_unit', 'float', NULL, NULL, NULL, NULL, NULL, false, true),
    ('sale.order.line', 'price_subtotal', 'monetary', NULL, NULL, NULL, NULL, NULL, false, true)
) AS f (model, name, ttype, relation, relation_field, relation_table, column1, column2, translate, store)
JOIN ir_model m ON m.model = f.model
ON CONFLICT (model, name) DO NOTHING;
