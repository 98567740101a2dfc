package dev.apisync.activities.source;

import static dev.apisync.activities.source.SourceFixtures.ACTIVE;
import static dev.apisync.activities.source.SourceFixtures.ALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.ConfigSnapshot;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Domains compiled and run against the partners of {@link SourceFixtures}. */
class DomainCompilerTest {

  private static DataSource database;
  private static DomainCompiler compiler;

  @BeforeAll
  static void createPartners() {
    database = TestPostgres.freshDatabase("domain");
    SourceFixtures.createPartners(database);
    compiler = new DomainCompiler(new SourceCatalog(database));
  }

  static Stream<Arguments> domains() {
    return Stream.of(
        // the active rule
        arguments("[]", ACTIVE),
        arguments("[('active', '=', False)]", List.of(6L, 9L)),
        arguments("[('active', 'in', [True, False])]", ALL),
        arguments("[('active', '=', True)]", ACTIVE),
        arguments("['|', ('active', '=', False), ('id', '=', 1)]", List.of(1L, 6L, 9L)),
        arguments("[(1, '=', 1)]", ACTIVE),
        arguments("[(0, '=', 1)]", List.of()),
        // equality and order
        arguments("[('name', '=', 'Acme Corp')]", List.of(1L)),
        arguments("[('name', '!=', 'Acme Corp')]", List.of(2L, 3L, 4L, 5L, 7L, 8L, 10L, 11L)),
        arguments("[('name', '<>', 'Acme Corp')]", List.of(2L, 3L, 4L, 5L, 7L, 8L, 10L, 11L)),
        arguments("[('id', '=', 3)]", List.of(3L)),
        arguments("[('customer_rank', '>', 1)]", List.of(1L, 5L, 11L)),
        arguments("[('customer_rank', '>=', 1)]", List.of(1L, 2L, 5L, 11L)),
        arguments("[('customer_rank', '<', 1)]", List.of(3L, 4L, 7L, 8L, 10L)),
        arguments("[('customer_rank', '<=', 1)]", List.of(2L, 3L, 4L, 7L, 8L, 10L)),
        arguments("[('credit_limit', '>', 100)]", List.of(1L, 2L, 5L)),
        arguments("[('credit_limit', '=', 1.5)]", List.of(11L)),
        arguments("[('credit_limit', '=', 500.50)]", List.of(2L)),
        // != keeps NULLs only for a truthy value, as in Odoo
        arguments("[('credit_limit', '!=', 99.99)]", List.of(1L, 2L, 3L, 4L, 5L, 8L, 10L, 11L)),
        arguments("[('credit_limit', '!=', 0)]", List.of(1L, 2L, 5L, 7L, 11L)),
        // NULL semantics
        arguments("[('email', '=', False)]", List.of(3L, 8L)),
        arguments("[('email', '=', None)]", List.of(3L, 8L)),
        arguments("[('email', '!=', False)]", List.of(1L, 2L, 4L, 5L, 7L, 10L, 11L)),
        arguments("[('create_date', '=', False)]", List.of(8L)),
        arguments("[('is_company', '=', False)]", List.of(2L, 3L, 5L, 7L, 8L, 10L, 11L)),
        arguments("[('is_company', '=', True)]", List.of(1L, 4L)),
        arguments("[('is_company', '!=', False)]", List.of(1L, 4L)),
        arguments("[('is_company', '!=', True)]", List.of(2L, 3L, 5L, 7L, 8L, 10L, 11L)),
        arguments("[('is_company', 'in', [False])]", List.of(2L, 3L, 5L, 7L, 8L, 10L, 11L)),
        arguments("[('is_company', 'in', [True, False])]", ACTIVE),
        // =?
        arguments("[('email', '=?', False)]", ACTIVE),
        arguments("[('email', '=?', None)]", ACTIVE),
        arguments("[('name', '=?', 'Bob Jones')]", List.of(3L)),
        // like family
        arguments("[('name', 'like', 'Corp')]", List.of(1L)),
        arguments("[('name', 'like', 'corp')]", List.of()),
        arguments("[('name', 'ilike', 'CORP')]", List.of(1L)),
        arguments("[('name', 'ilike', '')]", ACTIVE),
        arguments("[('email', 'not ilike', 'acme')]", List.of(3L, 4L, 5L, 7L, 8L, 10L, 11L)),
        arguments("[('email', 'not like', 'example')]", List.of(3L, 7L, 8L)),
        arguments("[('email', '=like', '%@acme.example')]", List.of(1L, 2L)),
        arguments("[('email', '=ilike', 'eve@example.com')]", List.of(7L)),
        arguments("[('name', '=like', 'A%')]", List.of(1L, 2L)),
        arguments("[('name', 'ilike', '100%')]", List.of(11L)),
        arguments("[('customer_rank', 'like', '3')]", List.of(5L)),
        // in / not in
        arguments("[('id', 'in', [1, 2, 6])]", List.of(1L, 2L)),
        arguments("[('id', 'in', (1, 2))]", List.of(1L, 2L)),
        arguments("[('id', 'in', [])]", List.of()),
        arguments("[('id', 'not in', [])]", ACTIVE),
        arguments("[('id', 'not in', [1, 2, 3])]", List.of(4L, 5L, 7L, 8L, 10L, 11L)),
        arguments("[('country_id', 'in', [1, False])]", List.of(1L, 2L, 8L, 10L, 11L)),
        arguments("[('country_id', 'in', [False])]", List.of(8L, 10L)),
        arguments("[('country_id', 'not in', [1])]", List.of(3L, 4L, 5L, 7L, 8L, 10L)),
        arguments("[('country_id', 'not in', [1, False])]", List.of(3L, 4L, 5L, 7L)),
        arguments("[('email', 'in', ['alice@acme.example', False])]", List.of(2L, 3L, 8L)),
        arguments("[('id', '=', [4, 5])]", List.of(4L, 5L)),
        // &, |, ! and implicit AND
        arguments("['|', ('name', '=', 'Acme Corp'), ('name', '=', 'Initech')]", List.of(1L)),
        arguments("['&', ('customer_rank', '>', 0), ('is_company', '=', True)]", List.of(1L)),
        arguments("[('customer_rank', '>', 0), ('is_company', '=', True)]", List.of(1L)),
        arguments(
            "['|', '&', ('is_company', '=', True), ('country_id', '=', 3), ('name', '=', 'Eve Black')]",
            List.of(4L, 7L)),
        arguments(
            "[('customer_rank', '=', 2), '|', ('country_id', '=', 1), ('country_id', '=', 2)]",
            List.of(1L, 11L)),
        arguments("['!', ('name', '=', 'Acme Corp')]", List.of(2L, 3L, 4L, 5L, 7L, 8L, 10L, 11L)),
        arguments("['!', ('email', 'ilike', 'acme')]", List.of(3L, 4L, 5L, 7L, 8L, 10L, 11L)),
        arguments(
            "['!', '|', ('customer_rank', '>', 0), ('email', '=', False)]", List.of(4L, 7L, 10L)),
        arguments("['!', '!', ('id', '=', 2)]", List.of(2L)),
        arguments(
            "['!', ('email', '=?', 'alice@acme.example')]", List.of(1L, 4L, 5L, 7L, 10L, 11L)),
        // many2one by id and by name
        arguments("[('parent_id', '=', 1)]", List.of(2L, 3L, 4L)),
        arguments("[('parent_id', 'in', [1, 4])]", List.of(2L, 3L, 4L, 5L)),
        arguments("[('parent_id', '=', False)]", List.of(1L, 7L, 8L, 10L)),
        arguments("[('country_id', '=', 'Poland')]", List.of(3L)),
        arguments("[('country_id', 'ilike', 'an')]", List.of(3L, 4L, 5L, 7L)),
        arguments("[('country_id', 'not ilike', 'ukr')]", List.of(3L, 4L, 5L, 7L, 8L, 10L)),
        arguments("[('country_id', 'in', ['Poland', 'France'])]", List.of(3L, 7L)),
        // child_of / parent_of
        arguments("[('id', 'child_of', 1)]", List.of(1L, 2L, 3L, 4L, 5L, 11L)),
        arguments("[('id', 'child_of', [4, 7])]", List.of(4L, 5L, 7L, 11L)),
        arguments("[('id', 'child_of', [])]", List.of()),
        arguments("[('id', 'child_of', 'Globex')]", List.of(4L, 5L, 11L)),
        arguments("[('id', 'parent_of', 11)]", List.of(1L, 4L, 5L, 11L)),
        arguments("[('id', 'parent_of', [3, 7])]", List.of(1L, 3L, 7L)),
        arguments("[('parent_id', 'child_of', 4)]", List.of(4L, 5L, 11L)),
        arguments("['!', ('id', 'child_of', 4)]", List.of(1L, 2L, 3L, 7L, 8L, 10L)),
        arguments("[('category_id', 'child_of', 1)]", List.of(1L, 2L, 5L, 11L)),
        arguments("[('category_id', 'child_of', 2)]", List.of(1L, 5L)),
        arguments("[('category_id', 'parent_of', 3)]", List.of(1L, 2L, 5L, 11L)),
        // any / not any
        arguments("[('parent_id', 'any', [('name', '=', 'Acme Corp')])]", List.of(2L, 3L, 4L)),
        arguments(
            "[('parent_id', 'not any', [('name', '=', 'Acme Corp')])]",
            List.of(1L, 5L, 7L, 8L, 10L, 11L)),
        arguments("[('child_ids', 'any', [('email', 'ilike', 'globex')])]", List.of(1L, 4L)),
        arguments("[('child_ids', 'any', [('name', '=', 'Dave Old')])]", List.of()),
        arguments(
            "[('child_ids', 'any', [('name', '=', 'Dave Old'), ('active', '=', False)])]",
            List.of(4L)),
        arguments("[('category_id', 'any', [('name', '=', 'VIP')])]", List.of(1L)),
        arguments("[('category_id', 'any', [('name', '=', 'Legacy')])]", List.of()),
        arguments(
            "[('category_id', 'not any', [('name', 'in', ['VIP', 'Supplier'])])]",
            List.of(2L, 3L, 7L, 8L, 10L, 11L)),
        arguments("[('sale_order_ids', 'any', [('state', '=', 'sale')])]", List.of(1L)),
        arguments(
            "[('sale_order_ids', 'any', [('order_line', 'any', [('product_uom_qty', '>', 1)])])]",
            List.of(1L)),
        // dotted paths
        arguments("[('parent_id.name', 'ilike', 'acme')]", List.of(2L, 3L, 4L)),
        arguments("[('parent_id.country_id.code', '=', 'DE')]", List.of(5L, 11L)),
        arguments("[('parent_id.parent_id.name', '=', 'Acme Corp')]", List.of(5L)),
        arguments("[('country_id.code', 'in', ['UA', 'PL'])]", List.of(1L, 2L, 3L, 11L)),
        arguments("[('child_ids.email', '=like', '%globex%')]", List.of(1L, 4L)),
        arguments("[('category_id.name', '=', 'Gold')]", List.of(5L)),
        arguments("[('parent_id.active', '=', True)]", List.of(2L, 3L, 4L, 5L, 6L, 11L)),
        // translatable fields
        arguments("[('country_id.name', '=', 'Germany')]", List.of(4L, 5L)),
        arguments("[('country_id.name', 'ilike', 'ukr')]", List.of(1L, 2L, 11L)),
        arguments("[('country_id.name', 'in', ['Poland', 'France'])]", List.of(3L, 7L)),
        // x2many compared directly
        arguments("[('category_id', 'in', [4])]", List.of(4L, 5L)),
        arguments("[('category_id', '=', 4)]", List.of(4L, 5L)),
        arguments("[('category_id', 'not in', [4])]", List.of(1L, 2L, 3L, 7L, 8L, 10L, 11L)),
        arguments("[('category_id', '=', False)]", List.of(3L, 8L, 10L)),
        arguments("[('category_id', '!=', False)]", List.of(1L, 2L, 4L, 5L, 7L, 11L)),
        arguments("[('category_id', 'ilike', 'vip')]", List.of(1L)),
        arguments("[('child_ids', '=', False)]", List.of(2L, 3L, 7L, 8L, 10L, 11L)),
        // ids compare on the link itself, archived or not, as in Odoo
        arguments("[('child_ids', 'in', [6])]", List.of(4L)),
        // dates: a date alone against a datetime column covers the whole day
        arguments("[('create_date', '>=', '2024-02-01')]", List.of(4L, 5L, 7L, 10L, 11L)),
        arguments("[('create_date', '<=', '2024-01-31')]", List.of(1L, 2L, 3L)),
        arguments("[('create_date', '>', '2024-01-31')]", List.of(4L, 5L, 7L, 10L, 11L)),
        arguments("[('create_date', '<', '2024-01-31 12:00:00')]", List.of(1L, 2L)),
        // values that look like SQL are only ever parameters
        arguments("[('name', '=', \"x'); DROP TABLE res_partner; --\")]", List.of(10L)),
        arguments("[('name', 'ilike', \"'); DROP\")]", List.of(10L)),
        // syntax variants Python allows
        arguments("[ ( \"name\" , \"=\" , \"Acme Corp\" ) , ]", List.of(1L)),
        arguments("[['name', '=', 'Acme Corp']]", List.of(1L)),
        arguments("(('name', '=', 'Acme Corp'),)", List.of(1L)),
        arguments("[('name', 'ILIKE', 'acme')]", List.of(1L)),
        arguments("[('name', '=', u'Zo\\u00eb 100% \\u00dcn\\u00efcode_')]", List.of(11L)),
        arguments("[('credit_limit', '<', -1)]", List.of()),
        arguments("", ACTIVE));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("domains")
  void selectsWhatOdooWould(String domain, List<Long> expectedIds) {
    assertThat(idsMatching(domain)).isEqualTo(expectedIds);
  }

  @Test
  void translatableFieldsCompareInTheAskedLanguageFallingBackToEnglish() {
    assertThat(idsMatching("[('country_id.name', '=', 'Україна')]", "uk_UA"))
        .containsExactly(1L, 2L, 11L);
    assertThat(idsMatching("[('country_id.name', '=', 'Україна')]", "en_US")).isEmpty();
    // France has no uk_UA name: its English one stands in.
    assertThat(idsMatching("[('country_id.name', '=', 'France')]", "uk_UA")).containsExactly(7L);
    assertThat(idsMatching("[('category_id', 'any', [('name', 'ilike', 'золото')])]", "uk_UA"))
        .containsExactly(5L);
  }

  @Test
  void everyValueIsAParameterAndEveryIdentifierIsQuoted() {
    SqlCondition condition =
        compiler.compile(
            "res.partner", "[('name', '=', \"x'); DROP TABLE res_partner; --\")]", "r");

    assertThat(condition.sql()).doesNotContain("DROP").contains("\"r\".\"name\"");
    assertThat(condition.params()).containsExactly("x'); DROP TABLE res_partner; --");
    assertThat(SourceFixtures.select(database, "res_partner", condition)).containsExactly(10L);
    assertThat(SourceFixtures.select(database, "res_partner", Sql.TRUE)).hasSize(11);
  }

  @Test
  void refusesAnIdentifierThatLooksLikeSql() {
    assertThatThrownBy(
            () ->
                compiler.compile(
                    "res.partner", "[('name\"; DROP TABLE res_partner; --', '=', 1)]", "r"))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith(
            "unknown field 'name\"; DROP TABLE res_partner; --' on res.partner");
  }

  @Test
  void addsTheActiveRuleOnlyWhenTheDomainDoesNotNameActive() {
    assertThat(compiler.compile("res.partner", "[]", "r").sql())
        .isEqualTo("\"r\".\"active\" IS TRUE");
    assertThat(compiler.compile("res.partner", "[('active', '=', False)]", "r").sql())
        .doesNotContain("IS TRUE");
    assertThat(compiler.compile("res.country", "[]", "r").sql()).isEqualTo("TRUE");
  }

  @Test
  void followsRelationsWithoutDuplicatingRows() {
    // Carol has two tags that both match; she is selected once.
    assertThat(idsMatching("[('category_id.name', 'in', ['Gold', 'Supplier'])]"))
        .containsExactly(4L, 5L);
  }

  @Test
  void usesParentPathWhenTheModelHasOne() {
    SqlCondition categories =
        compiler.compile("res.partner.category", "[('id', 'child_of', 1)]", "r");
    assertThat(categories.sql()).contains("parent_path").doesNotContain("RECURSIVE");
    assertThat(SourceFixtures.select(database, "res_partner_category", categories))
        .containsExactly(1L, 2L, 3L);

    SqlCondition partners = compiler.compile("res.partner", "[('id', 'child_of', 1)]", "r");
    assertThat(partners.sql()).contains("WITH RECURSIVE");
  }

  @Test
  void namesTheUnknownField() {
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('nme', '=', 'x')]", "r"))
        .isInstanceOf(SourceException.class)
        .hasMessage("unknown field 'nme' on res.partner in term ('nme', '=', 'x')");
  }

  @Test
  void namesTheUnknownStepOfADottedPathAndItsModel() {
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('country_id.foo', '=', 1)]", "r"))
        .hasMessage(
            "unknown field 'foo' on res.country (in path 'country_id.foo') in term ('country_id.foo', '=', 1)");
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('name.foo', '=', 1)]", "r"))
        .hasMessageStartingWith(
            "'name' on res.partner is not a relational field, cannot follow '.foo'");
  }

  @Test
  void namesTheUnknownOperatorAndQuotesTheTerm() {
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('name','equals','x')]", "r"))
        .isInstanceOf(SourceException.class)
        .hasMessage("unknown operator 'equals' in term ('name','equals','x')");
  }

  @Test
  void pointsAtTheSyntaxError() {
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('name', '=' 'x')]", "r"))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("malformed domain at position 15: expected ',' or ')', found '''");
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('name', '=', 'x')", "r"))
        .hasMessageStartingWith(
            "malformed domain at position 20: expected ']' to close the '[' opened at position 1, but the domain ends here");
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('name', '=', 'x)]", "r"))
        .hasMessageStartingWith("malformed domain at position 16: string not closed");
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('name', '=')]", "r"))
        .hasMessageStartingWith(
            "malformed domain at position 2: expected a term ('field', 'operator', value)");
    assertThatThrownBy(() -> compiler.compile("res.partner", "['|', ('name', '=', 'x')]", "r"))
        .hasMessageStartingWith(
            "malformed domain at position 2: '|' needs 2 operands but the domain has only one");
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('name', '=', 'x')] extra", "r"))
        .hasMessageStartingWith("malformed domain at position 22: unexpected text after the end");
    assertThatThrownBy(() -> compiler.compile("res.partner", "{'name': 'x'}", "r"))
        .hasMessageStartingWith("malformed domain at position 1: expected a value");
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('is_company', '=', true)]", "r"))
        .hasMessageStartingWith(
            "malformed domain at position 22: unknown name 'true'; Python's literals are True, False and None");
    // A blank domain is the default [], not an error.
    assertThat(compiler.compile("res.partner", "   ", "r").sql())
        .isEqualTo("\"r\".\"active\" IS TRUE");
  }

  @Test
  void refusesPythonExpressionsForNow() {
    assertThatThrownBy(
            () -> compiler.compile("res.partner", "[('create_date', '>=', datetime.now())]", "r"))
        .isInstanceOf(SourceException.class)
        .hasMessage(
            "Python expressions in domains are not supported yet: datetime.now() (at position 24)");
    assertThatThrownBy(
            () ->
                compiler.compile(
                    "res.partner",
                    "[('create_date', '>=', (context_today() - relativedelta(days=7)).strftime('%Y-%m-%d'))]",
                    "r"))
        .hasMessageStartingWith(
            "Python expressions in domains are not supported yet: context_today()");
    assertThatThrownBy(
            () -> compiler.compile("res.partner", "[('customer_rank', '>', 1 + 1)]", "r"))
        .hasMessageStartingWith("Python expressions in domains are not supported yet: 1 + 1");
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('user_id', '=', uid)]", "r"))
        .hasMessageStartingWith("Python expressions in domains are not supported yet: uid");
  }

  @Test
  void refusesOperatorsThatDoNotFitTheField() {
    assertThatThrownBy(
            () -> compiler.compile("res.partner", "[('name', 'any', [('id', '=', 1)])]", "r"))
        .hasMessageStartingWith(
            "operator 'any' needs a relational field, but 'name' on res.partner is not one");
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('parent_id', 'any', 1)]", "r"))
        .hasMessageStartingWith("operator 'any' needs a domain (a list of terms)");
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('name', 'child_of', 1)]", "r"))
        .hasMessageStartingWith("operator 'child_of' needs 'id' or a relational field");
    assertThatThrownBy(() -> compiler.compile("res.country", "[('id', 'child_of', 1)]", "r"))
        .hasMessageStartingWith(
            "operator 'child_of' needs a hierarchy, but res.country has no parent_id field");
    assertThatThrownBy(() -> compiler.compile("res.partner", "[('child_ids', '>', 1)]", "r"))
        .hasMessageStartingWith(
            "operator '>' is not supported on one2many field 'child_ids' of res.partner");
    assertThatThrownBy(
            () ->
                compiler.compile("res.partner", "[('parent_id', 'any', [('nope', '=', 1)])]", "r"))
        .hasMessageStartingWith("unknown field 'nope' on res.partner in term ('nope', '=', 1)");
  }

  @Test
  void refusesAnUnknownModel() {
    assertThatThrownBy(() -> compiler.compile("res.nothing", "[]", "r"))
        .isInstanceOf(SourceException.class)
        .hasMessage("unknown model 'res.nothing': the source database has no table 'res_nothing'");
  }

  private static List<Long> idsMatching(String domain) {
    return idsMatching(domain, ConfigSnapshot.DEFAULT_LANGUAGE);
  }

  private static List<Long> idsMatching(String domain, String language) {
    SqlCondition condition = compiler.compile("res.partner", domain, "r", language);
    return SourceFixtures.select(database, "res_partner", condition);
  }
}
