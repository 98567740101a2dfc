package dev.apisync.api.logs;

import dev.apisync.activities.requestlog.RequestLogPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A page of the request log, newest first. */
@Schema(name = "RequestLogPage")
public record LogPageView(
    List<LogEntryView> items,
    @Schema(
            description =
                "Pass as `before` to read the next (older) page; null when this is the last",
            nullable = true)
        Long nextBefore) {

  static LogPageView of(RequestLogPage page) {
    return new LogPageView(
        page.rows().stream().map(LogEntryView::of).toList(),
        page.hasMore() ? page.nextBefore() : null);
  }
}
