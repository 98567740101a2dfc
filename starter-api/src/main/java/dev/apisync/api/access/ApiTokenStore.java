package dev.apisync.api.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** The {@code api_token} table: each token's name, role and SHA-256, never the token itself. */
public class ApiTokenStore {

  private final JdbcClient jdbc;

  public ApiTokenStore(DataSource dataSource) {
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** Creates a token; the returned secret is not kept anywhere. */
  public IssuedToken issue(String name, Role role) {
    String token = TokenHash.newToken();
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO api_token (name, role, token_hash) VALUES (?, ?, ?)")
        .params(name, role.wireName(), TokenHash.sha256(token))
        .update(keys, "id");
    long id = keys.getKeyAs(Long.class);
    return IssuedToken.of(find(id).orElseThrow(), token);
  }

  public List<ApiToken> list() {
    return jdbc.sql("SELECT id, name, role, created_at FROM api_token ORDER BY id")
        .query(ApiTokenStore::row)
        .list();
  }

  /**
   * @return whether a token with this id existed
   */
  public boolean revoke(long id) {
    return jdbc.sql("DELETE FROM api_token WHERE id = ?").param(id).update() > 0;
  }

  /** The stored token this secret is, if any. */
  public Optional<ApiToken> findByToken(String token) {
    return jdbc.sql("SELECT id, name, role, created_at FROM api_token WHERE token_hash = ?")
        .param(TokenHash.sha256(token))
        .query(ApiTokenStore::row)
        .optional();
  }

  public boolean isEmpty() {
    return jdbc.sql("SELECT count(*) FROM api_token").query(Long.class).single() == 0;
  }

  private Optional<ApiToken> find(long id) {
    return jdbc.sql("SELECT id, name, role, created_at FROM api_token WHERE id = ?")
        .param(id)
        .query(ApiTokenStore::row)
        .optional();
  }

  private static ApiToken row(ResultSet row, int number) throws SQLException {
    return new ApiToken(
        row.getLong("id"),
        row.getString("name"),
        Role.parse(row.getString("role")).orElseThrow(),
        row.getTimestamp("created_at").toInstant());
  }
}
