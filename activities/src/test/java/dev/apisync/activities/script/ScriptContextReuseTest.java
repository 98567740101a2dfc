package dev.apisync.activities.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apisync.activities.mapping.PlainLineResolver;
import dev.apisync.activities.mapping.RecordMapper;
import dev.apisync.activities.source.RecordReader;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.source.demo.OdooDemoDatabase;
import dev.apisync.activities.testing.TestPostgres;
import dev.apisync.workflows.ConfigSnapshot;
import dev.apisync.workflows.FieldLine;
import dev.apisync.workflows.MappedPage;
import dev.apisync.workflows.ValueType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check that a warm worker does not create a context per request: a run of pages (of 1,000
 * records, at most), a python line per record and a request script per page, on a freshly warmed
 * pool, leaves its context count at the pool size, and logs the throughput. The suite runs 400
 * records in four pages; {@code bench/script-contexts.sh} runs the acceptance's 10,000 (property
 * {@code apisync.bench.records}).
 */
class ScriptContextReuseTest {

  private static final Logger log = LoggerFactory.getLogger(ScriptContextReuseTest.class);
  private static final int RECORDS = Integer.getInteger("apisync.bench.records", 400);
  private static final int PAGE = Math.min(1_000, RECORDS / 4);

  @Test
  void aWarmPoolServesAWholeRunWithoutCreatingContexts() {
    DataSource database = TestPostgres.freshDatabase("context_reuse");
    OdooDemoDatabase.seed(database, RECORDS);
    SourceCatalog catalog = new SourceCatalog(database);
    ScriptSource source = new ScriptSource(database, catalog);
    RecordReader reader = new RecordReader(database, catalog);
    ScriptSettings settings =
        new ScriptSettings(2, Duration.ofSeconds(30), 1L << 30, Duration.ofMinutes(1));
    try (PythonScripts scripts = new PythonScripts(settings)) {
      scripts.warmUp();
      assertThat(scripts.contextsCreated()).isEqualTo(2);
      RecordMapper mapper =
          new RecordMapper(
              reader,
              List.of(new PlainLineResolver(reader), PythonLineResolver.python(scripts, source)));
      ScriptActivitiesImpl requestScripts = new ScriptActivitiesImpl(scripts, source);
      ConfigSnapshot config = config();

      long mapping = 0;
      long scripting = 0;
      int mapped = 0;
      List<Long> pageMillis = new ArrayList<>();
      for (long first = 1; first <= RECORDS; first += PAGE) {
        List<Long> ids = LongStream.range(first, first + PAGE).boxed().toList();
        long started = System.nanoTime();
        MappedPage page = mapper.map(config, ids);
        long between = System.nanoTime();
        String body = requestScripts.applyRequestScript(config, page.records(), true);
        long done = System.nanoTime();
        mapping += between - started;
        pageMillis.add((between - started) / 1_000_000);
        scripting += done - between;
        mapped += page.records().size();
        assertThat(page.failures()).isEmpty();
        assertThat(body).startsWith("{\"count\":" + PAGE + ",");
      }

      assertThat(mapped).isEqualTo(RECORDS);
      assertThat(scripts.contextsCreated()).isEqualTo(2);
      log.info(
          "{} records ({} runtime): mapping with a python line {} ms ({} records/s), request"
              + " scripts {} ms for {} pages; contexts created: {}; mapping ms per page: {}",
          RECORDS,
          scripts.engine().runtimeName(),
          mapping / 1_000_000,
          RECORDS * 1_000_000_000L / Math.max(1, mapping),
          scripting / 1_000_000,
          RECORDS / PAGE,
          scripts.contextsCreated(),
          pageMillis);
    }
  }

  private static ConfigSnapshot config() {
    return ScriptFixtures.config(
        "res.partner",
        List.of(
            new FieldLine("id", "id", ValueType.PLAIN, true, 0, ""),
            new FieldLine("name", "name", ValueType.PLAIN, false, 0, ""),
            new FieldLine(
                "", "phone", ValueType.PYTHON, false, 0, "(record.phone or '').replace(' ', '')")),
        "result = {'count': len(records), 'first': request_data[0]['id']}",
        true,
        PAGE,
        30);
  }
}
