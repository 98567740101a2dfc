package dev.apisync.activities.source;

import dev.apisync.activities.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;

/**
 * An Odoo 17-shaped source database ({@code odoo17-products.sql}): product templates and variants
 * ({@code _inherits} through {@code product_tmpl_id}, template fields listed on the variant as
 * non-stored related fields), sale lines, partners with company contacts and addresses, two
 * companies, {@code ir_property} values and selection labels in en_US and uk_UA.
 *
 * <pre>
 * product.template  id name (uk_UA)             detailed_type list_price categ              company active
 *                    1 Desk (Стіл)              product        500.00    Office Furniture   -       t
 *                    2 Large Desk (Великий стіл) product      1200.00    Office Furniture   1       t
 *                    3 Desk Lamp                consu           45.50    Saleable           2       t
 *                    4 Consulting (Консультація) service        90.00    Services           -       t
 *                    5 Old Desk                 product         10.00    Office Furniture   -       f
 *                    6 Chair                    consu           80.00    Office Furniture   2       t
 * product.product   id template default_code active  attribute values
 *                    1 1 DESK-BLK t  Black, Steel (single-value line), Initials (no_variant)
 *                    2 1 DESK-WHT t  White, Steel
 *                    3 2 LDESK    t
 *                    4 3 -        t
 *                    5 4 CONSULT  t
 *                    6 5 OLD      f
 *                    7 1 DESK-OAK f  Oak, Steel
 *                    8 6 CHAIR    t
 * categories: All(1) → Saleable(2) → Office Furniture(3); All → Services(4)
 * sale.order.line   id order product  (1: S00001 company 1, 2: S00002 company 2)
 *                    1 1 1 · 2 1 5 · 3 1 none (a section) · 4 2 5 · 5 2 4 · 6 2 6 (archived)
 * res.partner        1 YourCompany (company) · 2 Azure Interior (company) · 3 Brandon Freeman
 *                    (contact of 2) · 4 no name, delivery address of 2 · 5 Billing Dept, invoice
 *                    address of 2 · 6 Joel Willis (person) · 7 no name, other address of 6 ·
 *                    8 Freelancer with company_name Gemini Furniture
 * res.company        1 YourCompany (base.main_company) · 2 My Company (Chicago)
 * </pre>
 */
public final class Odoo17Fixture {

  private Odoo17Fixture() {}

  public static DataSource create(String prefix) {
    DataSource database = TestPostgres.freshDatabase(prefix);
    try (InputStream script = Odoo17Fixture.class.getResourceAsStream("odoo17-products.sql")) {
      TestPostgres.execute(database, new String(script.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return database;
  }
}
