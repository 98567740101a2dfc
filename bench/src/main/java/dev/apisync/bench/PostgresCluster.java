package dev.apisync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL cluster started by {@code scripts/test-postgres.sh} on the bench's own
 * port and directory, holding apisync's database and the Odoo-shaped source.
 */
final class PostgresCluster implements AutoCloseable {

  static final String APISYNC_DB = "apisync";
  static final String ODOO_DB = "odoo";

  private final Path repo;
  private final int port;
  private final Path dataDir;

  private PostgresCluster(Path repo, int port, Path dataDir) {
    this.repo = repo;
    this.port = port;
    this.dataDir = dataDir;
  }

  static PostgresCluster start(Path repo, int port, Path dataDir)
      throws IOException, InterruptedException, SQLException {
    PostgresCluster cluster = new PostgresCluster(repo, port, dataDir);
    cluster.script("start");
    for (String database : new String[] {APISYNC_DB, ODOO_DB}) {
      cluster.createIfMissing(database);
    }
    return cluster;
  }

  String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  DataSource dataSource(String database) {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(jdbcUrl(database));
    source.setUser("postgres");
    return source;
  }

  /** The postmaster, whose tree holds every backend. */
  long pid() throws IOException {
    return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().trim());
  }

  private void createIfMissing(String database) throws SQLException {
    try (Connection connection = dataSource("postgres").getConnection();
        Statement statement = connection.createStatement()) {
      ResultSet exists =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + database);
      }
    }
  }

  /** Empties the run table and the request log (keeping configs), so every run starts alike. */
  void clearRunData() throws SQLException {
    try (Connection connection = dataSource(APISYNC_DB).getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE request_log, sync_run CASCADE");
    }
  }

  private void script(String command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(repo.resolve("scripts/test-postgres.sh").toString(), command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("APISYNC_TEST_PG_PORT", Integer.toString(port));
    builder.environment().put("APISYNC_TEST_PG_DIR", dataDir.toString());
    Process process = builder.start();
    if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("scripts/test-postgres.sh " + command + " took over 2 minutes");
    }
    if (process.exitValue() != 0) {
      throw new IOException(
          "scripts/test-postgres.sh %s exited %d: see %s (port %d taken? set BENCH_PG_PORT)"
              .formatted(command, process.exitValue(), dataDir.resolve("server.log"), port));
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    script("stop");
  }
}
