package dev.apisync.activities.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusClassTest {

  @ParameterizedTest
  @ValueSource(ints = {200, 201, 202, 204, 299})
  void twoHundredsAreSuccess(int status) {
    assertThat(StatusClass.of(status)).isEqualTo(StatusClass.SUCCESS);
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 425, 429, 500, 501, 502, 503, 504, 505, 507, 520, 599})
  void timeoutsThrottlingAndServerErrorsAreRetryable(int status) {
    assertThat(StatusClass.of(status)).isEqualTo(StatusClass.RETRYABLE);
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        100, 101, 301, 302, 303, 304, 307, 308, 400, 401, 403, 404, 405, 409, 410, 413, 415, 422,
        428, 431, 451
      })
  void informationalRedirectsAndOtherClientErrorsArePermanent(int status) {
    assertThat(StatusClass.of(status)).isEqualTo(StatusClass.PERMANENT);
  }
}
