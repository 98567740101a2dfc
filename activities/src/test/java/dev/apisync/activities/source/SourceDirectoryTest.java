package dev.apisync.activities.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.activities.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class SourceDirectoryTest {

  @Test
  void listsOdoosModelsWithTheirNamesAndLabelsFieldsFromIrModelFields() {
    DataSource database = TestPostgres.freshDatabase("directory_ir");
    OdooDemoDatabase.createSchema(database);
    JdbcClient.create(database)
        .sql(
            "UPDATE ir_model_fields SET field_description = '{\"en_US\": \"Parent\", \"uk_UA\":"
                + " \"Батьківський\"}' WHERE model = 'res.partner' AND name = 'parent_id'")
        .update();
    // A model Odoo registered but whose table is gone is not offered.
    JdbcClient.create(database)
        .sql("INSERT INTO ir_model (model, name) VALUES ('gone.model', '{\"en_US\": \"Gone\"}')")
        .update();
    SourceDirectory directory = new SourceDirectory(database);

    assertThat(directory.models())
        .contains(
            new SourceDirectory.Model("res.partner", "Contact"),
            new SourceDirectory.Model("res.country", "Country"))
        .extracting(SourceDirectory.Model::name)
        .doesNotContain("gone.model")
        .isSorted();
    ModelInfo partner = new SourceCatalog(database).requireModel("res.partner");
    assertThat(directory.labels(partner, "uk_UA")).containsEntry("parent_id", "Батьківський");
    assertThat(directory.labels(partner, "de_DE"))
        .containsEntry("parent_id", "Parent")
        .containsEntry("customer_rank", "Customer Rank");
  }

  @Test
  void withoutOdoosMetadataOffersTablesWithAnIdAndNamesFieldsAsOdooWould() {
    DataSource database = TestPostgres.freshDatabase("directory_plain");
    JdbcClient.create(database)
        .sql(
            "CREATE TABLE res_partner (id serial PRIMARY KEY, name varchar, parent_id integer"
                + " REFERENCES res_partner (id), category_ids text)")
        .update();
    JdbcClient.create(database).sql("CREATE TABLE audit_trail (note text)").update();
    SourceDirectory directory = new SourceDirectory(database);

    assertThat(directory.models())
        .containsExactly(new SourceDirectory.Model("res.partner", "res.partner"));
    ModelInfo partner = new SourceCatalog(database).requireModel("res.partner");
    assertThat(directory.labels(partner, "en_US"))
        .containsEntry("parent_id", "Parent")
        .containsEntry("category_ids", "Category")
        .containsEntry("name", "Name");
  }
}
