package dev.apisync.activities.mapping;

import static dev.apisync.activities.config.SampleConfigs.posting;

import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.SyncConfig;

/**
 * Sale orders with their customer and order lines, each line with its product: the nested
 * relational configs over {@link dev.apisync.activities.source.demo.OdooDemoDatabase} whose
 * payloads the golden files {@code sale-order-*.json} hold. Shared with the worker's tests.
 */
public final class SaleOrderConfigs {

  private SaleOrderConfigs() {}

  /**
   * Stores the customer, product, order line and order configs, named with {@code prefix}.
   *
   * @return the order config's id
   */
  public static long create(ConfigStore store, String prefix, String requestUrl) {
    return store.create(orders(store, prefix, requestUrl).build());
  }

  /**
   * Stores the customer, product and order line configs (children first: a relational line needs
   * its mapping config to exist) and returns the order config, not yet stored, for the caller to
   * adjust (paging, domain) and store.
   */
  public static SyncConfig.Builder orders(ConfigStore store, String prefix, String requestUrl) {
    long customer =
        store.create(
            posting(prefix + " customer", "res.partner", requestUrl)
                .line(SyncConfig.Line.identifier("id", "id"))
                .line(SyncConfig.Line.plain("name", "name"))
                .line(SyncConfig.Line.plain("email", "email"))
                .line(SyncConfig.Line.plain("country_id.code", "address.country"))
                .build());
    long product =
        store.create(
            posting(prefix + " product", "product.product", requestUrl)
                .line(SyncConfig.Line.identifier("default_code", "sku"))
                .line(SyncConfig.Line.plain("product_tmpl_id.name", "name"))
                .build());
    long orderLine =
        store.create(
            posting(prefix + " order line", "sale.order.line", requestUrl)
                .line(SyncConfig.Line.identifier("id", "id"))
                .line(SyncConfig.Line.plain("name", "description"))
                .line(SyncConfig.Line.plain("product_uom_qty", "quantity"))
                .line(SyncConfig.Line.plain("price_unit", "unit_price"))
                .line(SyncConfig.Line.plain("price_subtotal", "subtotal"))
                .line(SyncConfig.Line.relational("product_id", "product", product))
                .build());
    return posting(prefix + " order", "sale.order", requestUrl)
        .line(SyncConfig.Line.identifier("id", "external_id"))
        .line(SyncConfig.Line.plain("name", "number"))
        .line(SyncConfig.Line.plain("date_order", "ordered_at"))
        .line(SyncConfig.Line.plain("amount_total", "totals.amount"))
        .line(SyncConfig.Line.relational("partner_id", "customer", customer))
        .line(SyncConfig.Line.relational("order_line", "lines", orderLine));
  }
}
