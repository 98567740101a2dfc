package dev.apisync.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlRedactionTest {

  @Test
  void masksSecretLookingQueryValuesWhateverTheirCase() {
    assertThat(
            UrlRedaction.redact(
                "https://api.example/p?API_KEY=s3cr3t&name=Azure&access_token=t&Sig=abc"
                    + "&apikey=1&Key=2&token=3&signature=4&password=5&secret=6&client_secret=7"))
        .isEqualTo(
            "https://api.example/p?API_KEY=***&name=Azure&access_token=***&Sig=***"
                + "&apikey=***&Key=***&token=***&signature=***&password=***&secret=***"
                + "&client_secret=***");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          masks userinfo                              | https://odoo:pa55@crm.example/p?x=1                                   | https://***@crm.example/p?x=1
          keeps everything else exactly as written    | https://api.example/p/{external_id}?name=A%20B&flag&monkey=1&design=2#top | https://api.example/p/{external_id}?name=A%20B&flag&monkey=1&design=2#top
          masks percent-encoded names, keeps fragment | https://api.example/p?api%5Fkey=s&a=b#frag                            | https://api.example/p?api%5Fkey=***&a=b#frag
          an at sign in the path is no userinfo       | https://api.example/users/a@b.example?x=1                             | https://api.example/users/a@b.example?x=1
          """)
  void redactsOnlyWhatIsSecret(String behaviour, String url, String shown) {
    assertThat(UrlRedaction.redact(url)).isEqualTo(shown);
  }

  @Test
  void restoresWhatWasMaskedFromTheStoredUrl() {
    String stored = "https://odoo:pa55@crm.example/p?api_key=s3cr3t&x=1";
    String shown = UrlRedaction.redact(stored);

    assertThat(UrlRedaction.restore(shown, stored)).isEqualTo(stored);
    assertThat(UrlRedaction.restore(shown.replace("/p?", "/q?"), stored))
        .isEqualTo("https://odoo:pa55@crm.example/q?api_key=s3cr3t&x=1");
  }

  @Test
  void aMaskWithoutAStoredValueStaysAndIsFound() {
    String restored =
        UrlRedaction.restore("https://crm.example/p?token=***", "https://crm.example/p");

    assertThat(restored).isEqualTo("https://crm.example/p?token=***");
    assertThat(UrlRedaction.containsMask(restored)).isTrue();
    assertThat(UrlRedaction.containsMask("https://***@crm.example/")).isTrue();
    assertThat(UrlRedaction.containsMask("https://crm.example/p?q=***")).isFalse();
  }
}
