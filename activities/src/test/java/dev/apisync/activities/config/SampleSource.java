package dev.apisync.activities.config;

import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small Odoo-shaped source database for config tests: partners with a parent and a country.
 * Shared with the API tests through the activities test-jar.
 */
public final class SampleSource {

  private SampleSource() {}

  /** Creates {@code res_country} and {@code res_partner} (with two rows) in the database. */
  public static DataSource create(DataSource source) {
    JdbcClient.create(source)
        .sql(
            """
            CREATE TABLE res_country (
              id serial PRIMARY KEY,
              name varchar NOT NULL,
              code varchar(2)
            );
            CREATE TABLE res_partner (
              id serial PRIMARY KEY,
              name varchar,
              email varchar,
              parent_id integer REFERENCES res_partner (id),
              country_id integer REFERENCES res_country (id),
              active boolean DEFAULT true,
              customer_rank integer DEFAULT 0
            );
            INSERT INTO res_country (name, code) VALUES ('Ukraine', 'UA');
            INSERT INTO res_partner (name, email, country_id, customer_rank)
              VALUES ('Acme', 'info@acme.example', 1, 1);
            INSERT INTO res_partner (name, email, parent_id) VALUES ('Jane', 'jane@acme.example', 1);
            """)
        .update();
    return source;
  }
}
