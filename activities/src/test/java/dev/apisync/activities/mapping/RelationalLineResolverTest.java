package dev.apisync.activities.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apisync.activities.config.ConfigDraft;
import dev.apisync.activities.config.ConfigStore;
import dev.apisync.activities.config.ConfigValidator;
import dev.apisync.activities.config.SampleConfigs;
import dev.apisync.activities.config.SyncConfig;
import dev.apisync.activities.config.SyncConfig.Line;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.activities.source.RelationReader;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.source.SourceException;
import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.activities.testing.CountingDataSource;
import dev.apisync.activities.testing.GoldenJson;
import dev.apisync.activities.testing.TestConfigStores;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.MappedPage;
import dev.apisync.workflows.MappedRecord;
import dev.apisync.workflows.RecordFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Relational lines against the Odoo demo database (100 partners, 19 sale orders with 1 to 3 lines
 * each), with configs in a real store, counting every statement sent to the source.
 */
class RelationalLineResolverTest {

  private static final JsonMapper JSON = GoldenJson.MAPPER;

  private static final String URL = "https://api.example.com/sync";
  private static final AtomicInteger NAMES = new AtomicInteger();

  /** Every sale order of the demo data set with 100 partners. */
  private static final List<Long> ALL_ORDERS = LongStream.rangeClosed(1, 19).boxed().toList();

  private static CountingDataSource source;
  private static ConfigStore store;
  private static ConfigValidator validator;
  private static RecordMapper mapper;

  @BeforeAll
  static void setUp() {
    store = TestConfigStores.fresh("relational_apisync");
    DataSource database = TestPostgres.freshDatabase("relational_source");
    OdooDemoDatabase.seed(database, 100);
    source = new CountingDataSource(database);
    SourceCatalog catalog = new SourceCatalog(source.dataSource());
    validator = new ConfigValidator(catalog, new DomainCompiler(catalog), store);
    RecordReader reader = new RecordReader(source.dataSource(), catalog);
    PlainLineResolver plain = new PlainLineResolver(reader);
    RelationalLineResolver relational =
        new RelationalLineResolver(
            catalog,
            reader,
            new RelationReader(source.dataSource(), catalog),
            store::snapshot,
            List.of(plain));
    mapper = new RecordMapper(reader, List.of(plain, relational));
  }

  @BeforeEach
  void forgetStatements() {
    source.clear();
  }

  @Test
  void saleOrderNestsItsCustomerAndItsLinesWithTheirProducts() {
    long orders = SaleOrderConfigs.create(store, unique(), URL);

    assertThat(
            validator.validate(ConfigDraft.of(store.find(orders).orElseThrow().config()), orders))
        .isEmpty();
    assertThat(mapObjects(orders, List.of(2L)).get(2L))
        .isEqualTo(golden("sale-order-with-three-lines.json"));
  }

  @Test
  void many2oneKeepsAnArchivedCustomer() {
    long orders = SaleOrderConfigs.create(store, unique(), URL);

    assertThat(OdooDemoDatabase.isActive(42)).isFalse();
    assertThat(mapObjects(orders, List.of(8L)).get(8L))
        .isEqualTo(golden("sale-order-of-archived-customer.json"));
  }

  @Test
  void many2oneIsANestedObjectOrNullWhenUnset() {
    long parents = create(config("res.partner").line(Line.plain("name", "name")));
    long partners = create(partnersWith(Line.relational("parent_id", "parent", parents)));

    Map<Long, JsonNode> mapped = mapObjects(partners, List.of(2L, 8L));

    assertThat(mapped.get(2L)).isEqualTo(json("{'id': 2, 'parent': {'name': 'Dnipro LLC'}}"));
    assertThat(OdooDemoDatabase.partnerName(1)).isEqualTo("Dnipro LLC");
    assertThat(mapped.get(8L)).isEqualTo(json("{'id': 8, 'parent': null}"));
  }

  @Test
  void one2manyIsAnArrayInIdOrderWithoutArchivedChildren() {
    long children = create(config("res.partner").line(Line.identifier("id", "id")));
    long partners = create(partnersWith(Line.relational("child_ids", "contacts", children)));

    Map<Long, JsonNode> mapped = mapObjects(partners, List.of(1L, 8L));

    // Partner 3 is a contact of 1 too, but archived.
    assertThat(OdooDemoDatabase.parentOf(3)).isEqualTo(1);
    assertThat(OdooDemoDatabase.isActive(3)).isFalse();
    assertThat(ids(mapped.get(1L).get("contacts")))
        .containsExactly(2L, 4L, 5L, 6L, 7L, 21L, 51L, 81L);
    assertThat(mapped.get(8L)).isEqualTo(json("{'id': 8, 'contacts': []}"));
  }

  @Test
  void many2manyIsAnArrayOfTheActiveLinkedRecords() {
    long partners = create(partnersWith(Line.relational("category_id", "tags", tags())));

    Map<Long, JsonNode> mapped = mapObjects(partners, List.of(3L, 20L));

    // Partner 20 is also tagged Legacy (5), which is archived.
    assertThat(mapped.get(20L))
        .isEqualTo(
            json("{'id': 20, 'tags': [{'id': 1, 'name': 'Customer'}, {'id': 2, 'name': 'VIP'}]}"));
    assertThat(mapped.get(3L)).isEqualTo(json("{'id': 3, 'tags': []}"));
  }

  @Test
  void dottedPathEndingInAnX2manyFollowsTheMany2oneFirst() {
    long orders =
        create(
            config("sale.order")
                .line(Line.identifier("id", "id"))
                .line(Line.relational("partner_id.category_id", "customer_tags", tags())));

    Map<Long, JsonNode> mapped = mapObjects(orders, List.of(3L, 8L));

    assertThat(ids(mapped.get(3L).get("customer_tags"))).containsExactly(1L, 3L);
    assertThat(ids(mapped.get(8L).get("customer_tags"))).containsExactly(1L, 4L);
  }

  @Test
  void queriesPerPageDoNotDependOnItsSize() {
    long orders = SaleOrderConfigs.create(store, unique(), URL);
    mapObjects(orders, ALL_ORDERS); // reads the catalog once
    source.clear();

    mapObjects(orders, List.of(2L));
    List<String> forOne = source.statements();
    source.clear();
    assertThat(mapObjects(orders, ALL_ORDERS)).hasSize(19);
    List<String> forAll = source.statements();

    // Orders: existence, plain, many2one ids; customers: plain; order lines: links, plain,
    // many2one ids; products: plain.
    assertThat(forOne).hasSize(8);
    assertThat(forAll).isEqualTo(forOne);
  }

  @Test
  void relatedObjectsNestFiveLevelsDeepButNotSix() {
    long fiveLevels = orderPartnerChain(5);
    long sixLevels = orderPartnerChain(6);

    JsonNode five = mapObjects(fiveLevels, List.of(2L)).get(2L);
    MappedPage six = mapper.map(store.snapshot(sixLevels).orElseThrow(), List.of(2L));

    assertThat(five.at("/customer/orders/0/customer/orders/0/customer/id").asLong()).isEqualTo(12);
    assertThat(six.records()).isEmpty();
    assertThat(six.failures().getFirst().reason())
        .startsWith(
            "partner_id → res.partner 12: sale_order_ids → sale.order 2: partner_id → res.partner"
                + " 12: sale_order_ids → sale.order 2: partner_id → res.partner 12:"
                + " sale_order_ids: relational mapping nests deeper than 5 levels (configs ");
    assertThat(
            validator.validate(
                ConfigDraft.of(store.find(sixLevels).orElseThrow().config()), sixLevels))
        .extracting(Object::toString)
        .containsExactly(
            "lines[1].mappingConfig: relational mapping through config "
                + (sixLevels - 1)
                + " nests 6 levels deep; at most 5 are allowed");
  }

  @Test
  void loopingMappingConfigsFailOnlyTheRecordsThatWouldLoop() {
    long parents = create(partnersWith(Line.plain("name", "name")));
    long partners = create(partnersWith(Line.relational("parent_id", "parent", parents)));
    // The store takes what the validator would refuse: parents now maps its parent with partners.
    store.replace(
        parents,
        store.find(parents).orElseThrow().config().toBuilder()
            .lines(
                List.of(
                    Line.identifier("id", "id"), Line.relational("parent_id", "parent", partners)))
            .build());

    MappedPage page = mapper.map(store.snapshot(partners).orElseThrow(), List.of(2L, 22L));

    // 2 → 1, which has no parent; 22 → 21 → 1 would map 1 with the config that started it.
    assertThat(objects(page).get(2L))
        .isEqualTo(json("{'id': 2, 'parent': {'id': 1, 'parent': null}}"));
    assertThat(page.failures())
        .extracting(RecordFailure::recordId, RecordFailure::reason)
        .containsExactly(
            tuple(
                22L,
                "parent_id → res.partner 21: parent_id: mapping configs loop (configs %d → %d → %d)"
                    .formatted(partners, parents, partners)));
  }

  @Test
  void aRelatedRecordThatCannotBeMappedFailsTheRecordsLinkingToIt() {
    long broken =
        create(
            config("res.partner")
                .line(Line.identifier("id", "key"))
                .line(Line.plain("name", "key")));
    long partners = create(partnersWith(Line.relational("parent_id", "parent", broken)));

    MappedPage page = mapper.map(store.snapshot(partners).orElseThrow(), List.of(2L, 8L));

    assertThat(objects(page)).containsOnlyKeys(8L);
    assertThat(page.failures())
        .extracting(RecordFailure::reason)
        .containsExactly("parent_id → res.partner 1: externalKey 'key' is set twice");
  }

  @Test
  void refusesLinesThatDoNotFitTheirFieldAsAWhole() {
    long countries = create(config("res.country").line(Line.identifier("code", "code")));
    long onName = create(partnersWith(Line.relational("name", "country", countries)));
    long onParent = create(partnersWith(Line.relational("parent_id", "parent", countries)));

    assertThatThrownBy(() -> mapper.map(store.snapshot(onName).orElseThrow(), List.of(1L)))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("'name' on res.partner is not a relational field");
    assertThatThrownBy(() -> mapper.map(store.snapshot(onParent).orElseThrow(), List.of(1L)))
        .isInstanceOf(InvalidMappingConfigException.class)
        .hasMessage(
            "config " + countries + " maps res.country, but parent_id links to res.partner");
  }

  /**
   * Sale orders → customer → their orders → customer …, alternating, {@code levels} levels of
   * related objects below the order.
   */
  private static long orderPartnerChain(int levels) {
    long below = 0;
    for (int level = levels; level >= 1; level--) {
      boolean partner = level % 2 == 1;
      SyncConfig.Builder config =
          config(partner ? "res.partner" : "sale.order").line(Line.identifier("id", "id"));
      if (below != 0) {
        config.line(
            partner
                ? Line.relational("sale_order_ids", "orders", below)
                : Line.relational("partner_id", "customer", below));
      }
      below = create(config);
    }
    return create(
        config("sale.order")
            .line(Line.identifier("id", "id"))
            .line(Line.relational("partner_id", "customer", below)));
  }

  private static long tags() {
    return create(
        config("res.partner.category")
            .line(Line.identifier("id", "id"))
            .line(Line.plain("name", "name")));
  }

  private static SyncConfig.Builder partnersWith(Line line) {
    return config("res.partner").line(Line.identifier("id", "id")).line(line);
  }

  private static SyncConfig.Builder config(String model) {
    return SampleConfigs.posting(unique(), model, URL);
  }

  private static long create(SyncConfig.Builder config) {
    return store.create(config.build());
  }

  private static String unique() {
    return "relational " + NAMES.incrementAndGet();
  }

  /** Maps the records; every one must map. */
  private static Map<Long, JsonNode> mapObjects(long configId, List<Long> ids) {
    MappedPage page = mapper.map(store.snapshot(configId).orElseThrow(), ids);
    assertThat(page.failures()).isEmpty();
    return objects(page);
  }

  private static Map<Long, JsonNode> objects(MappedPage page) {
    Map<Long, JsonNode> objects = new LinkedHashMap<>();
    for (MappedRecord record : page.records()) {
      objects.put(record.recordId(), parse(record.json()));
    }
    return objects;
  }

  private static List<Long> ids(JsonNode array) {
    return array.valueStream().map(node -> node.get("id").asLong()).toList();
  }

  /** An expectation, where single quotes stand for double quotes to keep it readable. */
  private static JsonNode json(String text) {
    return parse(text.replace('\'', '"'));
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static JsonNode golden(String file) {
    try (InputStream in = RelationalLineResolverTest.class.getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
