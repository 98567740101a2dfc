package dev.apisync.activities.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request URL with {@code {placeholders}} (SPEC §2), e.g. {@code /partners/{external_id}} or
 * {@code /cities/{address.city}}, filled from one mapped record.
 */
final class UrlTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]+)}");

  private final String template;

  UrlTemplate(String template) {
    this.template = template;
  }

  boolean hasPlaceholders() {
    return PLACEHOLDER.matcher(template).find();
  }

  /**
   * The URL with every placeholder replaced by the record's value, percent-encoded so that a value
   * holding {@code /}, {@code ?} or {@code #} stays inside its own path segment.
   *
   * @throws UnsendableRequestException when a value is missing, null, empty or not a single value:
   *     sending anyway would hit the wrong resource (e.g. PUT to the collection)
   */
  String expand(ObjectNode record, long recordId) throws UnsendableRequestException {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder url = new StringBuilder();
    while (matcher.find()) {
      String key = matcher.group(1).strip();
      String value = valueFor(record, key, recordId);
      matcher.appendReplacement(url, Matcher.quoteReplacement(encodeStrictly(value)));
    }
    matcher.appendTail(url);
    return url.toString();
  }

  private static String valueFor(ObjectNode record, String key, long recordId)
      throws UnsendableRequestException {
    JsonNode value = MappedJson.find(record, key).orElse(null);
    String problem;
    if (value == null) {
      problem = "is not in the mapped record";
    } else if (value.isNull()) {
      problem = "is null";
    } else if (value.isContainerNode()) {
      problem = "is an object or array, not a single value";
    } else if (MappedJson.text(value).isBlank()) {
      problem = "is empty";
    } else {
      return MappedJson.text(value);
    }
    throw new UnsendableRequestException(
        "URL placeholder {" + key + "} " + problem + " (record " + recordId + ")");
  }

  /** RFC 3986: everything but unreserved characters is percent-encoded as UTF-8. */
  private static String encodeStrictly(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        encoded.append(c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        encoded.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return encoded.toString();
  }
}
