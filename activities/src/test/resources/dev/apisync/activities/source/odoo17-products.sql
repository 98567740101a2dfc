-- An Odoo 17-shaped fixture for issue 11: product.template / product.product (_inherits through
-- product_tmpl_id), sale.order.line, res.partner, res.company, ir_property, ir_model_fields with
-- non-stored rows (related, company-dependent, computed) and ir_model_fields_selection labels.
-- Column names and semantics follow Odoo 17; only the columns the tests need are here.

CREATE TABLE ir_model (id serial PRIMARY KEY, model varchar NOT NULL UNIQUE, name jsonb NOT NULL);

CREATE TABLE ir_model_fields (
    id serial PRIMARY KEY,
    model_id integer NOT NULL REFERENCES ir_model (id),
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
    related varchar,
    company_dependent boolean DEFAULT false,
    compute text,
    UNIQUE (model, name)
);

CREATE TABLE ir_model_fields_selection (
    id serial PRIMARY KEY,
    field_id integer NOT NULL REFERENCES ir_model_fields (id) ON DELETE CASCADE,
    value varchar NOT NULL,
    name jsonb NOT NULL,
    sequence integer DEFAULT 1000,
    UNIQUE (field_id, value)
);

CREATE TABLE ir_model_data (
    id serial PRIMARY KEY, module varchar NOT NULL, name varchar NOT NULL, model varchar NOT NULL,
    res_id integer
);

CREATE TABLE res_company (id serial PRIMARY KEY, name varchar NOT NULL, active boolean DEFAULT true);

CREATE TABLE res_partner (
    id serial PRIMARY KEY,
    name varchar,
    company_id integer REFERENCES res_company (id),
    parent_id integer REFERENCES res_partner (id),
    type varchar DEFAULT 'contact',
    is_company boolean DEFAULT false,
    company_name varchar,
    commercial_company_name varchar,
    active boolean DEFAULT true
);

CREATE TABLE account_payment_term (id serial PRIMARY KEY, name jsonb NOT NULL, active boolean DEFAULT true);

CREATE TABLE product_category (
    id serial PRIMARY KEY, name varchar NOT NULL, complete_name varchar,
    parent_id integer REFERENCES product_category (id), parent_path varchar
);

CREATE TABLE product_template (
    id serial PRIMARY KEY,
    name jsonb NOT NULL,
    detailed_type varchar NOT NULL,
    type varchar NOT NULL,
    list_price numeric,
    categ_id integer NOT NULL REFERENCES product_category (id),
    company_id integer REFERENCES res_company (id),
    active boolean DEFAULT true
);

CREATE TABLE product_product (
    id serial PRIMARY KEY,
    product_tmpl_id integer NOT NULL REFERENCES product_template (id),
    default_code varchar,
    active boolean DEFAULT true
);

CREATE TABLE product_attribute (
    id serial PRIMARY KEY, name jsonb NOT NULL, sequence integer, create_variant varchar NOT NULL
);
CREATE TABLE product_attribute_value (
    id serial PRIMARY KEY, name jsonb NOT NULL, sequence integer,
    attribute_id integer NOT NULL REFERENCES product_attribute (id)
);
CREATE TABLE product_template_attribute_line (
    id serial PRIMARY KEY, product_tmpl_id integer NOT NULL REFERENCES product_template (id),
    attribute_id integer NOT NULL REFERENCES product_attribute (id)
);
CREATE TABLE product_template_attribute_value (
    id serial PRIMARY KEY,
    product_attribute_value_id integer NOT NULL REFERENCES product_attribute_value (id),
    attribute_line_id integer NOT NULL REFERENCES product_template_attribute_line (id),
    attribute_id integer NOT NULL REFERENCES product_attribute (id),
    product_tmpl_id integer NOT NULL REFERENCES product_template (id),
    ptav_active boolean DEFAULT true
);
CREATE TABLE product_variant_combination (
    product_product_id integer NOT NULL REFERENCES product_product (id),
    product_template_attribute_value_id integer NOT NULL REFERENCES product_template_attribute_value (id)
);

CREATE TABLE sale_order (
    id serial PRIMARY KEY, name varchar NOT NULL, partner_id integer NOT NULL REFERENCES res_partner (id),
    company_id integer NOT NULL REFERENCES res_company (id)
);
CREATE TABLE sale_order_line (
    id serial PRIMARY KEY,
    order_id integer NOT NULL REFERENCES sale_order (id),
    product_id integer REFERENCES product_product (id),
    name text NOT NULL,
    display_type varchar,
    product_uom_qty numeric,
    company_id integer REFERENCES res_company (id)
);

CREATE TABLE ir_property (
    id serial PRIMARY KEY,
    name varchar NOT NULL,
    res_id varchar,
    company_id integer REFERENCES res_company (id),
    fields_id integer NOT NULL REFERENCES ir_model_fields (id),
    value_float double precision,
    value_integer integer,
    value_text text,
    value_binary bytea,
    value_reference varchar,
    value_datetime timestamp,
    type varchar NOT NULL
);

INSERT INTO ir_model (model, name) VALUES
    ('res.company', '{"en_US": "Companies"}'), ('res.partner', '{"en_US": "Contact"}'),
    ('account.payment.term', '{"en_US": "Payment Terms"}'),
    ('product.category', '{"en_US": "Product Category"}'),
    ('product.template', '{"en_US": "Product"}'), ('product.product', '{"en_US": "Product Variant"}'),
    ('sale.order', '{"en_US": "Sales Order"}'), ('sale.order.line', '{"en_US": "Sales Order Line"}');

-- (model, name, ttype, relation, relation_field, translate, store, related, company_dependent)
INSERT INTO ir_model_fields (model_id, model, name, field_description, ttype, relation,
                             relation_field, translate, store, related, company_dependent)
SELECT m.id, f.model, f.name, jsonb_build_object('en_US', f.name), f.ttype, f.relation,
       f.relation_field, f.translate, f.store, f.related, f.company_dependent
FROM (VALUES
    ('res.company', 'id', 'integer', NULL, NULL, false, true, NULL, false),
    ('res.company', 'name', 'char', NULL, NULL, false, true, NULL, false),
    ('res.company', 'active', 'boolean', NULL, NULL, false, true, NULL, false),
    ('res.company', 'display_name', 'char', NULL, NULL, false, false, NULL, false),
    ('res.partner', 'id', 'integer', NULL, NULL, false, true, NULL, false),
    ('res.partner', 'name', 'char', NULL, NULL, false, true, NULL, false),
    ('res.partner', 'company_id', 'many2one', 'res.company', NULL, false, true, NULL, false),
    ('res.partner', 'parent_id', 'many2one', 'res.partner', NULL, false, true, NULL, false),
    ('res.partner', 'child_ids', 'one2many', 'res.partner', 'parent_id', false, true, NULL, false),
    ('res.partner', 'type', 'selection', NULL, NULL, false, true, NULL, false),
    ('res.partner', 'is_company', 'boolean', NULL, NULL, false, true, NULL, false),
    ('res.partner', 'company_name', 'char', NULL, NULL, false, true, NULL, false),
    ('res.partner', 'commercial_company_name', 'char', NULL, NULL, false, true, NULL, false),
    ('res.partner', 'active', 'boolean', NULL, NULL, false, true, NULL, false),
    ('res.partner', 'display_name', 'char', NULL, NULL, false, false, NULL, false),
    ('res.partner', 'contact_address', 'char', NULL, NULL, false, false, NULL, false),
    ('res.partner', 'property_payment_term_id', 'many2one', 'account.payment.term', NULL, false, false, NULL, true),
    ('account.payment.term', 'id', 'integer', NULL, NULL, false, true, NULL, false),
    ('account.payment.term', 'name', 'char', NULL, NULL, true, true, NULL, false),
    ('account.payment.term', 'active', 'boolean', NULL, NULL, false, true, NULL, false),
    ('product.category', 'id', 'integer', NULL, NULL, false, true, NULL, false),
    ('product.category', 'name', 'char', NULL, NULL, false, true, NULL, false),
    ('product.category', 'complete_name', 'char', NULL, NULL, false, true, NULL, false),
    ('product.category', 'parent_id', 'many2one', 'product.category', NULL, false, true, NULL, false),
    ('product.category', 'parent_path', 'char', NULL, NULL, false, true, NULL, false),
    ('product.category', 'display_name', 'char', NULL, NULL, false, false, NULL, false),
    ('product.template', 'id', 'integer', NULL, NULL, false, true, NULL, false),
    ('product.template', 'name', 'char', NULL, NULL, true, true, NULL, false),
    ('product.template', 'detailed_type', 'selection', NULL, NULL, false, true, NULL, false),
    ('product.template', 'type', 'selection', NULL, NULL, false, true, NULL, false),
    ('product.template', 'list_price', 'float', NULL, NULL, false, true, NULL, false),
    ('product.template', 'categ_id', 'many2one', 'product.category', NULL, false, true, NULL, false),
    ('product.template', 'company_id', 'many2one', 'res.company', NULL, false, true, NULL, false),
    ('product.template', 'active', 'boolean', NULL, NULL, false, true, NULL, false),
    ('product.template', 'product_variant_ids', 'one2many', 'product.product', 'product_tmpl_id', false, true, NULL, false),
    ('product.template', 'default_code', 'char', NULL, NULL, false, false, NULL, false),
    ('product.template', 'display_name', 'char', NULL, NULL, false, false, NULL, false),
    ('product.product', 'id', 'integer', NULL, NULL, false, true, NULL, false),
    ('product.product', 'product_tmpl_id', 'many2one', 'product.template', NULL, false, true, NULL, false),
    ('product.product', 'default_code', 'char', NULL, NULL, false, true, NULL, false),
    ('product.product', 'active', 'boolean', NULL, NULL, false, true, NULL, false),
    ('product.product', 'name', 'char', NULL, NULL, true, false, 'product_tmpl_id.name', false),
    ('product.product', 'detailed_type', 'selection', NULL, NULL, false, false, 'product_tmpl_id.detailed_type', false),
    ('product.product', 'type', 'selection', NULL, NULL, false, false, 'product_tmpl_id.type', false),
    ('product.product', 'list_price', 'float', NULL, NULL, false, false, 'product_tmpl_id.list_price', false),
    ('product.product', 'categ_id', 'many2one', 'product.category', NULL, false, false, 'product_tmpl_id.categ_id', false),
    ('product.product', 'company_id', 'many2one', 'res.company', NULL, false, false, 'product_tmpl_id.company_id', false),
    ('product.product', 'standard_price', 'float', NULL, NULL, false, false, NULL, true),
    ('product.product', 'lst_price', 'float', NULL, NULL, false, false, NULL, false),
    ('product.product', 'display_name', 'char', NULL, NULL, false, false, NULL, false),
    ('sale.order', 'id', 'integer', NULL, NULL, false, true, NULL, false),
    ('sale.order', 'name', 'char', NULL, NULL, false, true, NULL, false),
    ('sale.order', 'partner_id', 'many2one', 'res.partner', NULL, false, true, NULL, false),
    ('sale.order', 'company_id', 'many2one', 'res.company', NULL, false, true, NULL, false),
    ('sale.order.line', 'id', 'integer', NULL, NULL, false, true, NULL, false),
    ('sale.order.line', 'order_id', 'many2one', 'sale.order', NULL, false, true, NULL, false),
    ('sale.order.line', 'product_id', 'many2one', 'product.product', NULL, false, true, NULL, false),
    ('sale.order.line', 'name', 'text', NULL, NULL, false, true, NULL, false),
    ('sale.order.line', 'display_type', 'selection', NULL, NULL, false, true, NULL, false),
    ('sale.order.line', 'product_uom_qty', 'float', NULL, NULL, false, true, NULL, false),
    ('sale.order.line', 'company_id', 'many2one', 'res.company', NULL, false, true, NULL, false),
    ('sale.order.line', 'product_type', 'selection', NULL, NULL, false, false, 'product_id.detailed_type', false),
    ('sale.order.line', 'order_partner_id', 'many2one', 'res.partner', NULL, false, false, 'order_id.partner_id', false)
) AS f (model, name, ttype, relation, relation_field, translate, store, related, company_dependent)
JOIN ir_model m ON m.model = f.model;

INSERT INTO ir_model_fields_selection (field_id, value, name, sequence)
SELECT f.id, s.value, s.label::jsonb, s.sequence
FROM (VALUES
    ('product.template', 'detailed_type', 'consu', '{"en_US": "Consumable", "uk_UA": "Витратний матеріал"}', 1),
    ('product.template', 'detailed_type', 'service', '{"en_US": "Service", "uk_UA": "Послуга"}', 2),
    ('product.template', 'detailed_type', 'product', '{"en_US": "Storable Product", "uk_UA": "Складський товар"}', 3),
    ('res.partner', 'type', 'contact', '{"en_US": "Contact", "uk_UA": "Контакт"}', 1),
    ('res.partner', 'type', 'invoice', '{"en_US": "Invoice Address", "uk_UA": "Адреса рахунку"}', 2),
    ('res.partner', 'type', 'delivery', '{"en_US": "Delivery Address", "uk_UA": "Адреса доставки"}', 3),
    ('res.partner', 'type', 'other', '{"en_US": "Other Address", "uk_UA": "Інша адреса"}', 4)
) AS s (model, field, value, label, sequence)
JOIN ir_model_fields f ON f.model = s.model AND f.name = s.field;

INSERT INTO res_company (id, name) VALUES (1, 'YourCompany'), (2, 'My Company (Chicago)');
INSERT INTO ir_model_data (module, name, model, res_id) VALUES ('base', 'main_company', 'res.company', 1);

INSERT INTO res_partner (id, name, company_id, parent_id, type, is_company, company_name,
                         commercial_company_name) VALUES
    (1, 'YourCompany', 1, NULL, 'contact', true, NULL, 'YourCompany'),
    (2, 'Azure Interior', NULL, NULL, 'contact', true, NULL, 'Azure Interior'),
    (3, 'Brandon Freeman', NULL, 2, 'contact', false, NULL, 'Azure Interior'),
    (4, NULL, NULL, 2, 'delivery', false, NULL, 'Azure Interior'),
    (5, 'Billing Dept', NULL, 2, 'invoice', false, NULL, 'Azure Interior'),
    (6, 'Joel Willis', 2, NULL, 'contact', false, NULL, NULL),
    (7, NULL, NULL, 6, 'other', false, NULL, NULL),
    (8, 'Freelancer', NULL, NULL, 'contact', false, 'Gemini Furniture', 'Gemini Furniture');

INSERT INTO account_payment_term (id, name) VALUES
    (1, '{"en_US": "Immediate Payment", "uk_UA": "Негайна оплата"}'),
    (2, '{"en_US": "30 Days", "uk_UA": "30 днів"}'),
    (3, '{"en_US": "End of Following Month"}');

INSERT INTO product_category (id, name, complete_name, parent_id, parent_path) VALUES
    (1, 'All', 'All', NULL, '1/'),
    (2, 'Saleable', 'All / Saleable', 1, '1/2/'),
    (3, 'Office Furniture', 'All / Saleable / Office Furniture', 2, '1/2/3/'),
    (4, 'Services', 'All / Services', 1, '1/4/');

INSERT INTO product_template (id, name, detailed_type, type, list_price, categ_id, company_id, active) VALUES
    (1, '{"en_US": "Desk", "uk_UA": "Стіл"}', 'product', 'product', 500.00, 3, NULL, true),
    (2, '{"en_US": "Large Desk", "uk_UA": "Великий стіл"}', 'product', 'product', 1200.00, 3, 1, true),
    (3, '{"en_US": "Desk Lamp"}', 'consu', 'consu', 45.50, 2, 2, true),
    (4, '{"en_US": "Consulting", "uk_UA": "Консультація"}', 'service', 'service', 90.00, 4, NULL, true),
    (5, '{"en_US": "Old Desk"}', 'product', 'product', 10.00, 3, NULL, false),
    (6, '{"en_US": "Chair"}', 'consu', 'consu', 80.00, 3, 2, true);

INSERT INTO product_product (id, product_tmpl_id, default_code, active) VALUES
    (1, 1, 'DESK-BLK', true), (2, 1, 'DESK-WHT', true), (3, 2, 'LDESK', true), (4, 3, NULL, true),
    (5, 4, 'CONSULT', true), (6, 5, 'OLD', false), (7, 1, 'DESK-OAK', false), (8, 6, 'CHAIR', true);

-- Desk varies by Color (three values) and has Legs (one value, so left out of names) and an
-- Engraving that creates no variants.
INSERT INTO product_attribute (id, name, sequence, create_variant) VALUES
    (1, '{"en_US": "Color", "uk_UA": "Колір"}', 1, 'always'),
    (2, '{"en_US": "Legs"}', 2, 'always'),
    (3, '{"en_US": "Engraving"}', 3, 'no_variant');
INSERT INTO product_attribute_value (id, name, sequence, attribute_id) VALUES
    (1, '{"en_US": "Black", "uk_UA": "Чорний"}', 1, 1),
    (2, '{"en_US": "White", "uk_UA": "Білий"}', 2, 1),
    (3, '{"en_US": "Oak"}', 3, 1),
    (4, '{"en_US": "Steel"}', 1, 2),
    (5, '{"en_US": "Initials"}', 1, 3),
    (6, '{"en_US": "Logo"}', 2, 3);
INSERT INTO product_template_attribute_line (id, product_tmpl_id, attribute_id) VALUES
    (1, 1, 1), (2, 1, 2), (3, 1, 3);
INSERT INTO product_template_attribute_value (id, product_attribute_value_id, attribute_line_id,
                                              attribute_id, product_tmpl_id) VALUES
    (1, 1, 1, 1, 1), (2, 2, 1, 1, 1), (3, 3, 1, 1, 1), (4, 4, 2, 2, 1), (5, 5, 3, 3, 1), (6, 6, 3, 3, 1);
-- Legs first in the table, so only Odoo's order (attribute sequence) puts Color first.
INSERT INTO product_variant_combination (product_product_id, product_template_attribute_value_id) VALUES
    (1, 4), (1, 1), (1, 5), (2, 4), (2, 2), (7, 4), (7, 3);

INSERT INTO sale_order (id, name, partner_id, company_id) VALUES
    (1, 'S00001', 3, 1), (2, 'S00002', 6, 2);
INSERT INTO sale_order_line (id, order_id, product_id, name, display_type, product_uom_qty, company_id) VALUES
    (1, 1, 1, 'Desk (Black)', NULL, 1, 1),
    (2, 1, 5, 'Consulting', NULL, 3, 1),
    (3, 1, NULL, 'Services', 'line_section', NULL, 1),
    (4, 2, 5, 'Consulting, 2 hours', NULL, 2, 2),
    (5, 2, 4, 'Desk Lamp', NULL, 4, 2),
    (6, 2, 6, 'Old Desk', NULL, 1, 2);

-- Company-dependent values. standard_price: a default of 10 for every company, 7.5 for
-- YourCompany; variant 1 costs 320.25 in YourCompany and 300 in Chicago, variant 3 costs 900 in
-- YourCompany and has an explicit empty value in Chicago (False, not the default).
INSERT INTO ir_property (name, res_id, company_id, fields_id, value_float, type)
SELECT 'standard_price', p.res_id, p.company_id, f.id, p.value, 'float'
FROM (VALUES
    (NULL, NULL, 10.0::float8),
    (NULL, 1, 7.5),
    ('product.product,1', 1, 320.25),
    ('product.product,1', 2, 300.0),
    ('product.product,3', 1, 900.0),
    ('product.product,3', 2, NULL)
) AS p (res_id, company_id, value)
JOIN ir_model_fields f ON f.model = 'product.product' AND f.name = 'standard_price';

-- property_payment_term_id: default Immediate Payment (all companies); Azure Interior pays in 30
-- days in YourCompany and at the end of the following month in Chicago.
INSERT INTO ir_property (name, res_id, company_id, fields_id, value_reference, type)
SELECT 'property_payment_term_id', p.res_id, p.company_id, f.id, p.value, 'many2one'
FROM (VALUES
    (NULL, NULL, 'account.payment.term,1'),
    ('res.partner,2', 1, 'account.payment.term,2'),
    ('res.partner,2', 2, 'account.payment.term,3')
) AS p (res_id, company_id, value)
JOIN ir_model_fields f ON f.model = 'res.partner' AND f.name = 'property_payment_term_id';
