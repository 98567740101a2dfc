package dev.apisync.activities.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.egress.EgressPolicy;
import dev.apisync.activities.source.DomainCompiler;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.testing.TestConfigStores;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.HttpMethod;
import dev.apisync.workflows.RetrySettings;
import dev.apisync.workflows.ValueType;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of SPEC §2/§3, against a real (small) source database and a real store. */
class ConfigValidatorTest {

  private static ConfigStore store;
  private static ConfigValidator validator;

  @BeforeAll
  static void setUp() {
    store = TestConfigStores.fresh("config_validator");
    SourceCatalog catalog =
        new SourceCatalog(SampleSource.create(TestPostgres.freshDatabase("config_source")));
    validator = new ConfigValidator(catalog, new DomainCompiler(catalog), store);
  }

  @Test
  void acceptsAValidConfig() {
    assertThat(validate(SampleConfigs.everyField(unique()), 0)).isEmpty();
    assertThat(validate(SampleConfigs.partners(unique()), 0)).isEmpty();
  }

  @Test
  void requiresAName() {
    assertThat(errors(c -> c.name("  "))).containsExactly("name: required");
  }

  @Test
  void rejectsANameAnotherConfigHasIgnoringCase() {
    String name = unique();
    store.create(SampleConfigs.partners(name));

    assertThat(errors(c -> c.name(name.toUpperCase())))
        .singleElement()
        .asString()
        .startsWith("name: sync config '" + name + "'")
        .endsWith("already has this name");
  }

  @Test
  void aReplacedConfigKeepsItsOwnName() {
    String name = unique();
    long id = store.create(SampleConfigs.partners(name));

    assertThat(validate(SampleConfigs.partners(name), id)).isEmpty();
  }

  @Test
  void rejectsAnUnknownModel() {
    assertThat(errors(c -> c.model("res.partnr")))
        .containsExactly(
            "model: unknown model 'res.partnr': the source database has no table res_partnr");
  }

  @Test
  void rejectsADomainThatDoesNotCompile() {
    assertThat(errors(c -> c.filterDomain("[('customer_rank', '>'")))
        .singleElement()
        .asString()
        .startsWith("filterDomain: ");
  }

  @Test
  void rejectsARelativeOrNonHttpUrl() {
    assertThat(errors(c -> c.requestUrl("/partners")))
        .containsExactly(
            "requestUrl: must be an absolute http or https URL, e.g. https://api.example.com/partners");
    assertThat(errors(c -> c.requestUrl("ftp://files.example.com/partners")))
        .containsExactly(
            "requestUrl: must be an absolute http or https URL, e.g. https://api.example.com/partners");
    assertThat(errors(c -> c.requestUrl("https://api.example.com/a b")))
        .singleElement()
        .asString()
        .startsWith("requestUrl: not a valid URL");
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:5432/, 127.0.0.1, loopback",
    "http://localhost:8081/actuator, localhost (, loopback",
    "http://169.254.169.254/latest/meta-data, 169.254.169.254, link-local",
    "http://10.0.0.1/, 10.0.0.1, private",
    "'http://[::1]:8080/', ::1, loopback",
    "https://odoo:pw@192.168.0.10/p, 192.168.0.10, private"
  })
  void refusesTargetsOnInternalNetworks(String url, String shownHost, String kind) {
    assertThat(errors(c -> c.requestUrl(url)))
        .singleElement()
        .asString()
        .startsWith("requestUrl: " + shownHost)
        .contains(" is a " + kind + " address")
        .contains("apisync.egress.allow");
  }

  @Test
  void anAllowListedInternalTargetPassesAndDenyBeatsAllow() {
    SourceCatalog catalog =
        new SourceCatalog(SampleSource.create(TestPostgres.freshDatabase("config_egress_src")));
    ConfigValidator allowing =
        new ConfigValidator(
            catalog,
            new DomainCompiler(catalog),
            store,
            ScriptSyntax.UNCHECKED,
            EgressPolicy.of(List.of("10.20.0.0/16", "localhost:8090"), List.of("10.20.9.9")));
    UnaryOperator<String> validate =
        url ->
            allowing
                .validate(
                    ConfigDraft.of(
                        SampleConfigs.partners(unique()).toBuilder().requestUrl(url).build()),
                    0)
                .toString();

    assertThat(validate.apply("http://10.20.1.1/crm")).isEqualTo("[]");
    assertThat(validate.apply("http://localhost:8090/crm")).isEqualTo("[]");
    assertThat(validate.apply("http://localhost:8091/crm")).contains("requestUrl: localhost");
    assertThat(validate.apply("http://10.20.9.9/crm"))
        .contains("refused by apisync.egress.deny entry '10.20.9.9'");
  }

  @Test
  void aHostFilledFromTheRecordIsCheckedWhenSending() {
    assertThat(errors(c -> c.requestUrl("https://{external_id}.example.com/p"))).isEmpty();
  }

  @Test
  void acceptsPlaceholdersThatNameExternalKeys() {
    assertThat(errors(c -> c.requestUrl("https://api.example.com/partners/{external_id}")))
        .isEmpty();
    assertThat(errors(c -> c.requestUrl("https://api.example.com/{contact.email}/x"))).isEmpty();
  }

  @Test
  void rejectsPlaceholdersThatAreNoExternalKey() {
    assertThat(errors(c -> c.requestUrl("https://api.example.com/partners/{id}")))
        .containsExactly("requestUrl: placeholder {id} is not the externalKey of any line");
    assertThat(errors(c -> c.requestUrl("https://api.example.com/partners/{external_id")))
        .singleElement()
        .asString()
        .startsWith("requestUrl: has an unmatched '{' or '}'");
  }

  @Test
  void rejectsPlaceholdersInAPaginatedConfig() {
    assertThat(
            errors(
                c ->
                    c.requestUrl("https://api.example.com/partners/{external_id}").paginated(true)))
        .singleElement()
        .asString()
        .startsWith("requestUrl: placeholders are filled per record");
  }

  @Test
  void rejectsTwoMethodsOrAnUnknownOne() {
    assertThat(draftErrors(d -> Drafts.method(d, "GET,POST")))
        .containsExactly(
            "httpMethod: must be exactly one of GET, POST, PUT, PATCH, DELETE (got 'GET,POST')");
    assertThat(draftErrors(d -> Drafts.method(d, "POST PUT")))
        .singleElement()
        .asString()
        .startsWith("httpMethod:");
    assertThat(draftErrors(d -> Drafts.method(d, "FETCH")))
        .singleElement()
        .asString()
        .startsWith("httpMethod:");
    assertThat(draftErrors(d -> Drafts.method(d, "")))
        .singleElement()
        .asString()
        .startsWith("httpMethod: required");
    assertThat(draftErrors(d -> Drafts.method(d, "patch"))).isEmpty();
  }

  @Test
  void rejectsTimeoutsOutOfRange() {
    assertThat(errors(c -> c.connectTimeout(0).readTimeout(301)))
        .containsExactly(
            "connectTimeout: must be between 1 and 60 seconds (got 0)",
            "readTimeout: must be between 1 and 300 seconds (got 301)");
    assertThat(errors(c -> c.connectTimeout(61).readTimeout(0))).hasSize(2);
    assertThat(errors(c -> c.connectTimeout(60).readTimeout(300))).isEmpty();
  }

  @Test
  void basicAuthNeedsLoginAndPassword() {
    assertThat(errors(c -> c.auth(new Auth.Basic("", ""))))
        .containsExactly(
            "auth.login: required for basic auth", "auth.password: required for basic auth");
    assertThat(errors(c -> c.auth(new Auth.Basic("a:b", "pw"))))
        .containsExactly("auth.login: may not contain ':', which separates login and password");
  }

  @Test
  void bearerAuthNeedsAToken() {
    assertThat(errors(c -> c.auth(new Auth.Bearer(""))))
        .containsExactly("auth.token: required for bearer auth");
  }

  @Test
  void apiKeyAuthNeedsHeaderNameAndValue() {
    assertThat(errors(c -> c.auth(new Auth.ApiKey("", ""))))
        .containsExactly(
            "auth.headerName: required for apiKey auth, e.g. X-Api-Key",
            "auth.value: required for apiKey auth");
    assertThat(errors(c -> c.auth(new Auth.ApiKey("X Key", "v"))))
        .containsExactly("auth.headerName: 'X Key' is not a valid HTTP header name");
  }

  @Test
  void rejectsAnUnknownAuthType() {
    assertThat(
            draftErrors(d -> Drafts.auth(d, new ConfigDraft.RawAuth("oauth2", "", "", "", "", ""))))
        .containsExactly("auth.type: must be one of none, basic, bearer, apiKey (got 'oauth2')");
  }

  @Test
  void aReplacementMayOmitTheStoredSecretOfTheSameAuthType() {
    String name = unique();
    long id =
        store.create(
            SampleConfigs.partners(name).toBuilder().auth(new Auth.Bearer("stored")).build());

    SyncConfig withoutToken =
        SampleConfigs.partners(name).toBuilder().auth(new Auth.Bearer("")).build();
    SyncConfig switchedToBasic =
        SampleConfigs.partners(name).toBuilder().auth(new Auth.Basic("odoo", "")).build();

    assertThat(validate(withoutToken, id)).isEmpty();
    assertThat(validate(switchedToBasic, id))
        .containsExactly(new FieldError("auth.password", "required for basic auth"));
  }

  @Test
  void movingToAnotherOriginNeedsEverySecretAgain() {
    String name = unique();
    long id =
        store.create(
            SampleConfigs.partners(name).toBuilder()
                .requestUrl("https://api.example.com/partners?api_key=k-1")
                .auth(new Auth.Bearer("stored-token"))
                .headers(List.of(Header.secret("X-Shop-Token", "shop-1")))
                .build());
    SyncConfig.Builder edit =
        SampleConfigs.partners(name).toBuilder()
            .auth(new Auth.Bearer(""))
            .headers(List.of(Header.secret("X-Shop-Token", "")));

    assertThat(validate(edit.requestUrl("https://api.example.com/v2/partners").build(), id))
        .isEmpty();
    String moved =
        "requestUrl now points at https://evil.example.com:443 instead of"
            + " https://api.example.com:443";
    assertThat(validate(edit.requestUrl("https://evil.example.com/partners").build(), id))
        .extracting(FieldError::toString)
        .containsExactly(
            "auth.token: required again: "
                + moved
                + ", and a stored secret is only sent to the"
                + " origin it was entered for",
            "headers[0].value: required again: "
                + moved
                + ", and a stored secret is only sent to"
                + " the origin it was entered for");
    assertThat(validate(edit.requestUrl("http://api.example.com/partners").build(), id))
        .extracting(FieldError::field)
        .containsExactly("auth.token", "headers[0].value");
    assertThat(validate(edit.requestUrl("https://api.example.com:8443/partners").build(), id))
        .extracting(FieldError::field)
        .containsExactly("auth.token", "headers[0].value");
  }

  @Test
  void aMaskedUrlValueIsKeptOnTheSameOriginAndRefusedElsewhere() {
    String name = unique();
    long id =
        store.create(
            SampleConfigs.partners(name).toBuilder()
                .requestUrl("https://api.example.com/partners?api_key=k-1")
                .build());
    SyncConfig.Builder edit = SampleConfigs.partners(name).toBuilder();

    assertThat(
            validate(
                edit.requestUrl("https://api.example.com/v2/partners?api_key=***").build(), id))
        .isEmpty();
    assertThat(
            validate(edit.requestUrl("https://other.example.com/partners?api_key=***").build(), id))
        .extracting(FieldError::toString)
        .singleElement()
        .asString()
        .startsWith("requestUrl: required again: requestUrl now points at https://other.example");
    assertThat(errors(c -> c.requestUrl("https://api.example.com/p?token=***")))
        .containsExactly("requestUrl: holds a masked value (***): enter the real one");
  }

  @Test
  void changingTheApiKeyHeaderNeedsTheKeyAgain() {
    String name = unique();
    long id =
        store.create(
            SampleConfigs.partners(name).toBuilder()
                .auth(new Auth.ApiKey("X-Api-Key", "k-123456"))
                .build());

    SyncConfig sameHeader =
        SampleConfigs.partners(name).toBuilder().auth(new Auth.ApiKey("x-api-key", "")).build();
    SyncConfig otherHeader =
        SampleConfigs.partners(name).toBuilder().auth(new Auth.ApiKey("X-Debug-Echo", "")).build();

    assertThat(validate(sameHeader, id)).isEmpty();
    assertThat(validate(otherHeader, id))
        .containsExactly(
            new FieldError(
                "auth.value",
                "required again: the key now goes in header 'X-Debug-Echo' instead of"
                    + " 'X-Api-Key', and a stored key is only sent in the header it was entered"
                    + " for"));
  }

  @Test
  void aSecretHeaderNeedsAValue() {
    assertThat(errors(c -> c.headers(List.of(Header.secret("X-Shop-Token", "")))))
        .containsExactly(
            "headers[0].value: required: a secret header needs its value (omit it in an edit to"
                + " keep the stored one)");
  }

  @Test
  void rejectsEmptyDuplicateAndAuthHeaders() {
    assertThat(
            errors(
                c ->
                    c.auth(new Auth.ApiKey("X-Api-Key", "k"))
                        .header("", "x")
                        .header("authorization", "Token abc")
                        .header("x-api-key", "other")
                        .header("X-Tenant", "a")
                        .header("X-TENANT", "b")))
        .containsExactly(
            "headers[0].key: required",
            "headers[1].key: set Authorization through auth (basic, bearer, or apiKey with"
                + " headerName Authorization), which keeps its value encrypted",
            "headers[2].key: 'x-api-key' is the apiKey auth header; auth sets it",
            "headers[4].key: 'X-TENANT' is already set by headers[3]");
  }

  @Test
  void rejectsHeaderValuesWithLineBreaks() {
    assertThat(errors(c -> c.header("X-Evil", "a\r\nX-Injected: 1")))
        .containsExactly("headers[0].value: may not contain line breaks");
  }

  @Test
  void needsAtLeastOneLine() {
    assertThat(errors(c -> c.lines(List.of())))
        .containsExactly("lines: at least one line is required");
  }

  @Test
  void needsExactlyOneIdentifierLine() {
    assertThat(errors(c -> c.lines(List.of(SyncConfig.Line.plain("id", "id")))))
        .containsExactly(
            "lines: exactly one line must be the record identifier (isIdentifier: true)");
    assertThat(
            errors(
                c ->
                    c.lines(
                        List.of(
                            SyncConfig.Line.identifier("id", "id"),
                            SyncConfig.Line.identifier("email", "email"),
                            SyncConfig.Line.identifier("name", "name")))))
        .containsExactly(
            "lines[1].isIdentifier: only one line may be the record identifier; lines[0] already is",
            "lines[2].isIdentifier: only one line may be the record identifier; lines[0] already is");
  }

  @Test
  void eachLineFieldMustResolveInTheCatalog() {
    assertThat(
            errors(
                c ->
                    c.line(SyncConfig.Line.plain("parent_id.country_id.code", "country_code"))
                        .line(SyncConfig.Line.plain("nme", "nickname"))))
        .containsExactly("lines[4].field: unknown field 'nme' on res.partner");
  }

  @Test
  void externalKeysAreRequiredUniqueAndDoNotCollide() {
    assertThat(
            errors(
                c ->
                    c.line(SyncConfig.Line.plain("name", ""))
                        .line(SyncConfig.Line.plain("email", "name"))
                        .line(SyncConfig.Line.plain("email", "contact"))
                        .line(SyncConfig.Line.plain("email", "a..b"))))
        .containsExactly(
            "lines[3].externalKey: required",
            "lines[4].externalKey: 'name' is already the externalKey of lines[1]",
            "lines[5].externalKey: 'contact' and 'contact.email' (lines[2]) collide: 'contact'"
                + " cannot be both a value and an object",
            "lines[6].externalKey: 'a..b' has an empty part between dots");
  }

  @Test
  void rejectsAnUnknownValueType() {
    assertThat(
            draftErrors(
                d -> Drafts.line(d, new ConfigDraft.RawLine("name", "n2", "json", false, 0, ""))))
        .containsExactly(
            "lines[3].valueType: must be one of plain, relational, python, relational_python,"
                + " selection_label (got 'json')");
  }

  @Test
  void relationalLinesNeedAnExistingMappingConfigOfTheLinkedModel() {
    long countries = store.create(SampleConfigs.countries(unique()));
    long otherPartners = store.create(SampleConfigs.partners(unique()));

    assertThat(errors(c -> c.line(SyncConfig.Line.relational("country_id", "country", countries))))
        .isEmpty();
    assertThat(errors(c -> c.line(SyncConfig.Line.relational("country_id", "country", 0))))
        .singleElement()
        .asString()
        .startsWith("lines[3].mappingConfig: required for relational lines");
    assertThat(errors(c -> c.line(SyncConfig.Line.relational("country_id", "country", 987_654))))
        .containsExactly("lines[3].mappingConfig: no sync config has id 987654");
    assertThat(
            errors(c -> c.line(SyncConfig.Line.relational("country_id", "country", otherPartners))))
        .containsExactly(
            "lines[3].mappingConfig: config "
                + otherPartners
                + " maps res.partner, but country_id links to res.country");
    assertThat(errors(c -> c.line(SyncConfig.Line.relational("name", "country", countries))))
        .containsExactly(
            "lines[3].field: 'name' is not a relational field; a relational line needs a"
                + " many2one, one2many or many2many");
  }

  @Test
  void mappingsMayNotLoop() {
    String name = unique();
    long parents = store.create(SampleConfigs.partners(name));
    long children =
        store.create(
            SampleConfigs.partners(unique()).toBuilder()
                .line(SyncConfig.Line.relational("parent_id", "parent", parents))
                .build());

    SyncConfig loopsBack =
        SampleConfigs.partners(name).toBuilder()
            .line(SyncConfig.Line.relational("parent_id", "parent", children))
            .build();
    SyncConfig selfReference =
        SampleConfigs.partners(name).toBuilder()
            .line(SyncConfig.Line.relational("parent_id", "parent", parents))
            .build();

    assertThat(validate(loopsBack, parents))
        .extracting(FieldError::toString)
        .containsExactly(
            "lines[3].mappingConfig: config "
                + children
                + " maps through this config in turn: mappings may not loop");
    assertThat(validate(selfReference, parents))
        .extracting(FieldError::toString)
        .containsExactly("lines[3].mappingConfig: a config cannot be its own mappingConfig");
  }

  @Test
  void relatedObjectsNestAtMostFiveLevels() {
    long fiveLevels = parentChain(5);
    long sixLevels = parentChain(6);

    assertThat(errors(c -> c.line(SyncConfig.Line.relational("parent_id", "parent", fiveLevels))))
        .isEmpty();
    assertThat(errors(c -> c.line(SyncConfig.Line.relational("parent_id", "parent", sixLevels))))
        .containsExactly(
            "lines[3].mappingConfig: relational mapping through config "
                + sixLevels
                + " nests 6 levels deep; at most 5 are allowed");
  }

  @Test
  void aMappingConfigMayNotNestDeeperThanItsUsersAllow() {
    long bottom = store.create(SampleConfigs.partners(unique()));
    long top = bottom;
    for (int level = 2; level <= 5; level++) {
      top = parentOf(top);
    }
    long deeper = store.create(SampleConfigs.partners(unique()));
    SyncConfig bottomNowNesting =
        store.find(bottom).orElseThrow().config().toBuilder()
            .line(SyncConfig.Line.relational("parent_id", "parent", deeper))
            .build();

    // top → 3 configs → bottom: bottom sits 4 levels below top, and may nest one more level.
    assertThat(validate(bottomNowNesting, bottom)).isEmpty();
    long above = parentOf(top);
    assertThat(validate(bottomNowNesting, bottom))
        .extracting(FieldError::toString)
        .containsExactly(
            "lines[3].mappingConfig: config "
                + above
                + " maps through this config from 5 level(s) up, so with this line related objects"
                + " would nest 6 levels deep; at most 5 are allowed");
  }

  /** A partner config whose lines build {@code levels} levels of parents, itself the first. */
  private static long parentChain(int levels) {
    long config = store.create(SampleConfigs.partners(unique()));
    for (int level = 2; level <= levels; level++) {
      config = parentOf(config);
    }
    return config;
  }

  /** A partner config mapping its parent with {@code mappingConfig}. */
  private static long parentOf(long mappingConfig) {
    return store.create(
        SampleConfigs.partners(unique()).toBuilder()
            .line(SyncConfig.Line.relational("parent_id", "parent", mappingConfig))
            .build());
  }

  @Test
  void aMappingConfigInUseKeepsItsModel() {
    String name = unique();
    long countries = store.create(SampleConfigs.countries(name));
    store.create(
        SampleConfigs.partners(unique()).toBuilder()
            .line(SyncConfig.Line.relational("country_id", "country", countries))
            .build());

    SyncConfig nowPartners = SampleConfigs.partners(name);

    assertThat(validate(nowPartners, countries))
        .extracting(FieldError::field)
        .containsExactly("model");
  }

  @Test
  void pythonLinesNeedAnExpressionAndOthersTakeNone() {
    assertThat(errors(c -> c.line(SyncConfig.Line.python("greeting", "'Hi ' + record.name"))))
        .isEmpty();
    assertThat(
            errors(
                c ->
                    c.line(
                        new SyncConfig.Line(
                            "", "tags", ValueType.RELATIONAL_PYTHON, false, 0, " "))))
        .containsExactly("lines[3].expression: required for relational_python lines");
    assertThat(
            errors(c -> c.line(new SyncConfig.Line("name", "n2", ValueType.PLAIN, false, 0, "x"))))
        .containsExactly(
            "lines[3].expression: only python and relational_python lines take an expression");
    assertThat(
            errors(c -> c.line(new SyncConfig.Line("name", "n2", ValueType.PLAIN, false, 5, ""))))
        .containsExactly("lines[3].mappingConfig: only relational lines take a mappingConfig");
  }

  @Test
  void checksPageSizeAndLimit() {
    assertThat(errors(c -> c.pageSize(0)))
        .containsExactly("pageSize: must be between 1 and 1000 (got 0)");
    assertThat(errors(c -> c.pageSize(1001)))
        .containsExactly("pageSize: must be between 1 and 1000 (got 1001)");
    assertThat(draftErrors(d -> Drafts.limit(d, 0)))
        .containsExactly("limit: must be at least 1 (leave it out for no limit)");
    assertThat(errors(c -> c.limit(1).pageSize(1000))).isEmpty();
  }

  @Test
  void refusesAPaginatedGet() {
    assertThat(errors(c -> c.httpMethod(HttpMethod.GET).paginated(true)))
        .singleElement()
        .asString()
        .startsWith("paginated: a GET request has no body");
    assertThat(errors(c -> c.httpMethod(HttpMethod.GET))).isEmpty();
  }

  @Test
  void checksRetrySettings() {
    assertThat(errors(c -> c.retry(new RetrySettings(0, 0, 0.5, 0))))
        .containsExactly(
            "retry.maxAttempts: must be between 1 and 100 (got 0)",
            "retry.initialInterval: must be greater than 0 seconds",
            "retry.maxInterval: must be greater than 0 seconds",
            "retry.backoffCoefficient: must be at least 1");
    assertThat(errors(c -> c.retry(new RetrySettings(101, 10_000, 1.0, 5_000))))
        .containsExactly(
            "retry.maxAttempts: must be between 1 and 100 (got 101)",
            "retry.maxInterval: must be at least retry.initialInterval");
    assertThat(errors(c -> c.retry(new RetrySettings(100, 1, 1.0, 1)))).isEmpty();
  }

  @Test
  void checksRateLimitAndConcurrency() {
    assertThat(draftErrors(d -> Drafts.rateLimit(Drafts.config(d, c -> c.concurrency(0)), 0.0)))
        .containsExactly(
            "rateLimit: must be at least 0.01 requests per second (leave it out for no rate limit)",
            "concurrency: must be between 1 and 64 (got 0)");
    assertThat(errors(c -> c.concurrency(65)))
        .containsExactly("concurrency: must be between 1 and 64 (got 65)");
    assertThat(draftErrors(d -> Drafts.rateLimit(d, 0.009)))
        .singleElement()
        .asString()
        .startsWith("rateLimit:");
    assertThat(errors(c -> c.rateLimit(0.01).concurrency(64))).isEmpty();
  }

  @Test
  void refusesADomainNestedDeeperThan64LevelsNamingTheField() {
    String deepList = "[" + "[".repeat(70) + "]".repeat(70) + "]";
    String deepOperators = "[" + "'!', ".repeat(70) + "('customer_rank', '>', 0)]";
    assertThat(errors(c -> c.filterDomain(deepList)))
        .singleElement()
        .asString()
        .startsWith("filterDomain: malformed domain at position")
        .contains("nest more than 64 levels deep");
    assertThat(errors(c -> c.filterDomain(deepOperators)))
        .singleElement()
        .asString()
        .startsWith("filterDomain: domain nests more than 64 operators deep");
    String deepButAllowed = "[" + "'!', ".repeat(60) + "('customer_rank', '>', 0)]";
    assertThat(errors(c -> c.filterDomain(deepButAllowed))).isEmpty();
  }

  @Test
  void checksTheLanguageCode() {
    assertThat(errors(c -> c.language("english")))
        .containsExactly("language: 'english' is not an Odoo language code such as en_US or uk_UA");
    assertThat(errors(c -> c.language("sr@latin"))).isEmpty();
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    List<String> fields =
        validator
            .validate(
                Drafts.method(
                    ConfigDraft.of(
                        SampleConfigs.partners(unique()).toBuilder()
                            .requestUrl("partners")
                            .connectTimeout(0)
                            .line(SyncConfig.Line.identifier("email", "email2"))
                            .concurrency(100)
                            .build()),
                    "GET,POST"),
                0)
            .stream()
            .map(FieldError::field)
            .toList();

    assertThat(fields)
        .containsExactlyInAnyOrder(
            "httpMethod", "requestUrl", "connectTimeout", "lines[3].isIdentifier", "concurrency");
  }

  private static List<String> errors(UnaryOperator<SyncConfig.Builder> edit) {
    SyncConfig config = edit.apply(SampleConfigs.partners(unique()).toBuilder()).build();
    return draftErrors(d -> ConfigDraft.of(config));
  }

  private static List<String> draftErrors(UnaryOperator<ConfigDraft> edit) {
    ConfigDraft draft = edit.apply(ConfigDraft.of(SampleConfigs.partners(unique())));
    return validator.validate(draft, 0).stream().map(FieldError::toString).toList();
  }

  private static List<FieldError> validate(SyncConfig config, long id) {
    return validator.validate(ConfigDraft.of(config), id);
  }

  private static String unique() {
    return "config " + UUID.randomUUID();
  }
}
