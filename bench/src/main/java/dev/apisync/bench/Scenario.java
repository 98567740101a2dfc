package dev.apisync.bench;

import java.util.List;

/**
 * One kind of work both contenders do on the same records.
 *
 * @param pageSize records per page (per request when paginated)
 * @param concurrency requests in flight
 * @param requestScript apisync's request script; empty for none (the baseline does the same
 *     wrapping in Java)
 */
record Scenario(
    String name, boolean paginated, int pageSize, int concurrency, String requestScript) {

  /** The request script of the scripted scenario, as the seed guide writes it. */
  static final String WRAP_SCRIPT = "result = {'data': request_data, 'source': 'odoo'}";

  static final List<Scenario> ALL =
      List.of(
          new Scenario("paginated-c1", true, 100, 1, ""),
          new Scenario("paginated-c4", true, 100, 4, ""),
          new Scenario("per-record-c16", false, 100, 16, ""),
          new Scenario("paginated-c4-script", true, 100, 4, WRAP_SCRIPT));

  boolean scripted() {
    return !requestScript.isEmpty();
  }

  /** Where apisync and the baseline send this scenario's requests on the sink. */
  String path() {
    return "/records/" + name;
  }
}
