package dev.apisync.deploy;

import dev.apisync.activities.source.demo.OdooDemoDatabase;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two databases an {@link EveryPartnerRun} goes between: apisync's own, migrated, and an
 * Odoo-shaped source holding demo partners.
 */
record PartnerDatabases(DataSource apisync, DataSource odoo) {

  /**
   * @param newDatabase makes an empty database of the given name on the server the IT uses
   * @param prefix prefixes the two database names
   * @param partners how many demo partners the source holds
   */
  static PartnerDatabases create(
      Function<String, DataSource> newDatabase, String prefix, int partners) {
    DataSource apisync = newDatabase.apply(prefix + "_apisync");
    Flyway.configure().dataSource(apisync).load().migrate();
    DataSource odoo = newDatabase.apply(prefix + "_odoo");
    OdooDemoDatabase.createSchema(odoo);
    OdooDemoDatabase.seed(odoo, partners);
    return new PartnerDatabases(apisync, odoo);
  }

  /** The id of every partner in the source, archived ones included. */
  List<Long> allPartnerIds() {
    return JdbcClient.create(odoo).sql("SELECT id FROM res_partner").query(Long.class).list();
  }
}
