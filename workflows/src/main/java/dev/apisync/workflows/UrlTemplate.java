package dev.apisync.workflows;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request URL with {@code {placeholders}} (SPEC §2), e.g. {@code /partners/{external_id}} or
 * {@code /cities/{address.city}}: the one reader of placeholders, for validation (which names they
 * use) and delivery (filling them from a record).
 */
public final class UrlTemplate {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  /**
   * The authority of an absolute URL: after {@code scheme://}, up to the path, query or fragment.
   */
  private static final Pattern AUTHORITY = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)");

  private final String template;

  public UrlTemplate(String template) {
    this.template = template;
  }

  /** Where a placeholder's value comes from when the URL is filled. */
  @FunctionalInterface
  public interface Values<E extends Exception> {
    String of(String placeholder) throws E;
  }

  public boolean hasPlaceholders() {
    return PLACEHOLDER.matcher(template).find();
  }

  /** The placeholders' names, stripped, each once, in order; {@code {}} gives an empty name. */
  public Set<String> placeholders() {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1).strip());
    }
    return names;
  }

  /** Whether a brace stands outside any placeholder, as in {@code /a{b} or /a}b}. */
  public boolean hasUnmatchedBraces() {
    String outside = PLACEHOLDER.matcher(template).replaceAll("");
    return outside.contains("{") || outside.contains("}");
  }

  /**
   * Whether the host is filled from the record ({@code https://{tenant}.example.com}): it is only
   * known when a request is built.
   */
  public boolean hostHasPlaceholder() {
    Matcher authority = AUTHORITY.matcher(template);
    return authority.find() && authority.group(1).contains("{");
  }

  /** The URL with each placeholder replaced by {@code standIn}, to be parsed as a URL. */
  public String withEach(String standIn) {
    return PLACEHOLDER.matcher(template).replaceAll(Matcher.quoteReplacement(standIn));
  }

  /**
   * The URL with every placeholder replaced by its value, percent-encoded so that a value holding
   * {@code /}, {@code ?} or {@code #} stays inside its own path segment.
   */
  public <E extends Exception> String expand(Values<E> values) throws E {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder url = new StringBuilder();
    while (matcher.find()) {
      String value = values.of(matcher.group(1).strip());
      matcher.appendReplacement(url, Matcher.quoteReplacement(encodeStrictly(value)));
    }
    matcher.appendTail(url);
    return url.toString();
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
