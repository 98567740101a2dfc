package dev.apisync.activities.script;

import dev.apisync.activities.source.FieldInfo;
import dev.apisync.activities.source.FieldKind;
import dev.apisync.activities.source.FieldSource;
import dev.apisync.activities.source.ModelInfo;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.source.SourceException;
import dev.apisync.activities.source.SourceUnavailableException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * The only host object scripts can reach (as {@code _HOST} inside the runtime module, never in a
 * script's own namespace): record reads for {@code env} and recordsets, time-zone rules, and the
 * progress and results of the evaluation under way. One per context; the evaluation it serves is
 * set for each call.
 *
 * <p>Guest code cannot catch host exceptions, so methods that can fail for the script's reasons
 * (unknown model, bad domain) return the message as a {@code str} instead of their result, and the
 * runtime raises it as a Python {@code ValueError}.
 */
public final class ScriptHost {

  private volatile Evaluation current;

  void begin(Evaluation evaluation) {
    current = evaluation;
  }

  void end() {
    current = null;
  }

  private Evaluation evaluation() {
    Evaluation evaluation = current;
    if (evaluation == null) {
      throw new IllegalStateException("no evaluation under way");
    }
    return evaluation;
  }

  // ---- progress and results ----

  /**
   * The python lines are done with the record at {@code position}: per line, its value as JSON
   * text, or [message, traceback] when it raised. The next record's time starts now.
   */
  @HostAccess.Export
  public void recordDone(int position, Value outcomes) {
    evaluation().recordDone(position, outcomes);
  }

  // ---- the source, for env and recordsets ----

  @HostAccess.Export
  public boolean modelExists(String model) {
    Object found = withSource(source -> source.model(model).isPresent());
    return Boolean.TRUE.equals(found);
  }

  /** [[name, kind, comodel, type code], ...] or an error text. */
  @HostAccess.Export
  public Object fields(String model) {
    return withSource(
        source -> {
          ModelInfo info = source.requireModel(model);
          List<Object> fields = new ArrayList<>();
          for (FieldInfo field : info.fields().values()) {
            if (field.source() instanceof FieldSource.Computed) {
              // Listed, never read: accessing it raises the refusal, which names it.
              fields.add(
                  ProxyArray.fromArray(
                      field.name(),
                      "computed",
                      "",
                      SourceCatalog.computed(info.name(), field).getMessage()));
              continue;
            }
            fields.add(
                ProxyArray.fromArray(
                    field.name(),
                    field.kind().name().toLowerCase(),
                    field.relatedModel(),
                    field.kind() == FieldKind.SCALAR
                        ? ScriptSource.typeCode(source.valueField(info, field))
                        : "id"));
          }
          return ProxyArray.fromList(fields);
        });
  }

  /** [[id, value, ...], ...] in id order for the ids that exist, or an error text. */
  @HostAccess.Export
  public Object read(String model, Value ids, Value fields) {
    List<Long> idList = longs(ids);
    List<String> names = strings(fields);
    return withSource(
        source -> {
          Map<Long, Map<String, Object>> rows =
              source.read(model, idList, names, evaluation().language());
          List<Object> out = new ArrayList<>(rows.size());
          rows.forEach(
              (id, row) -> {
                Object[] values = new Object[names.size() + 1];
                values[0] = id;
                for (int i = 0; i < names.size(); i++) {
                  values[i + 1] = toGuest(row.get(names.get(i)));
                }
                out.add(ProxyArray.fromArray(values));
              });
          return ProxyArray.fromList(out);
        });
  }

  @HostAccess.Export
  public Object search(String model, String domain, String order, long limit, long offset) {
    return withSource(
        source ->
            ProxyArray.fromList(
                new ArrayList<>(
                    source.search(
                        model,
                        domain,
                        order,
                        (int) Math.min(limit, Integer.MAX_VALUE),
                        (int) offset))));
  }

  @HostAccess.Export
  public Object count(String model, String domain, long limit) {
    return withSource(
        source -> source.count(model, domain, (int) Math.min(limit, Integer.MAX_VALUE)));
  }

  /** [[id, [related ids]], ...] for a one2many or many2many field, or an error text. */
  @HostAccess.Export
  public Object related(String model, String field, Value ids) {
    List<Long> idList = longs(ids);
    return withSource(
        source -> {
          List<Object> out = new ArrayList<>();
          source
              .related(model, field, idList)
              .forEach(
                  (id, targets) ->
                      out.add(
                          ProxyArray.fromArray(id, ProxyArray.fromList(new ArrayList<>(targets)))));
          return ProxyArray.fromList(out);
        });
  }

  @HostAccess.Export
  public Object existing(String model, Value ids) {
    List<Long> idList = longs(ids);
    return withSource(
        source -> ProxyArray.fromList(new ArrayList<>(source.existing(model, idList))));
  }

  // ---- time zones (zoneinfo has no data in the sandbox; the JVM's rules stand in) ----

  @HostAccess.Export
  public boolean zoneExists(String zone) {
    try {
      ZoneId.of(zone);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The zone's offset in seconds at a UTC instant. */
  @HostAccess.Export
  public int zoneOffsetUtc(String zone, long epochSecond) {
    return rules(zone).getOffset(Instant.ofEpochSecond(epochSecond)).getTotalSeconds();
  }

  /** The zone's offset in seconds at a local wall time (given as if it were UTC). */
  @HostAccess.Export
  public int zoneOffsetLocal(String zone, long localEpochSecond) {
    LocalDateTime local = LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC);
    return rules(zone).getOffset(local).getTotalSeconds();
  }

  @HostAccess.Export
  public int zoneDstLocal(String zone, long localEpochSecond) {
    LocalDateTime local = LocalDateTime.ofEpochSecond(localEpochSecond, 0, ZoneOffset.UTC);
    ZoneRules rules = rules(zone);
    Instant instant = local.toInstant(rules.getOffset(local));
    return (int) rules.getDaylightSavings(instant).toSeconds();
  }

  private static ZoneRules rules(String zone) {
    return ZoneId.of(zone).getRules();
  }

  // ---- helpers ----

  private interface SourceCall {
    Object apply(ScriptSource source);
  }

  private Object withSource(SourceCall call) {
    Evaluation evaluation = evaluation();
    ScriptSource source = evaluation.source();
    if (source == null) {
      return "records cannot be read here (env is only available to lines and request scripts)";
    }
    try {
      return call.apply(source);
    } catch (SourceException e) {
      return e.getMessage();
    } catch (SourceUnavailableException e) {
      evaluation.sourceUnavailable(e);
      return "the source database did not answer: " + e.getMessage();
    }
  }

  /** Values as the runtime expects them: numbers as float, dates as ISO text (naive UTC). */
  private static Object toGuest(Object value) {
    return switch (value) {
      case null -> null;
      case BigDecimal number -> number.doubleValue();
      case Float number -> number.doubleValue();
      case LocalDate date -> date.toString();
      case LocalDateTime time -> time.toString();
      case OffsetDateTime time ->
          time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
      case String text -> text;
      case Long number -> number;
      case Integer number -> number;
      case Short number -> number.intValue();
      case Boolean flag -> flag;
      case Double number -> number;
      default -> value.toString();
    };
  }

  private static List<Long> longs(Value values) {
    List<Long> out = new ArrayList<>((int) values.getArraySize());
    for (long i = 0; i < values.getArraySize(); i++) {
      out.add(values.getArrayElement(i).asLong());
    }
    return out;
  }

  private static List<String> strings(Value values) {
    List<String> out = new ArrayList<>((int) values.getArraySize());
    for (long i = 0; i < values.getArraySize(); i++) {
      out.add(values.getArrayElement(i).asString());
    }
    return out;
  }
}
