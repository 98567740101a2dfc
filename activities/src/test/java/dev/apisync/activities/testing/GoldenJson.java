package dev.apisync.activities.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** JSON as tests compare it with golden files. */
public final class GoldenJson {

  /** Reads decimals exactly, so {@code 499.00} in a golden file must be sent as 499.00. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private GoldenJson() {}
}
