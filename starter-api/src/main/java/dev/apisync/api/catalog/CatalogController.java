package dev.apisync.api.catalog;

import dev.apisync.activities.source.FieldInfo;
import dev.apisync.activities.source.ModelInfo;
import dev.apisync.activities.source.RecordSearch;
import dev.apisync.activities.source.SourceCatalog;
import dev.apisync.activities.source.SourceDirectory;
import dev.apisync.activities.source.SourceException;
import dev.apisync.api.InvalidParameterException;
import dev.apisync.workflows.ConfigSnapshot;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the source database holds, for people building a config (the console's pickers): models,
 * their fields with type, label and relation, and how many records a domain matches now. Read only;
 * viewers may call it.
 */
@RestController
@Tag(
    name = "Source catalog",
    description =
        "The source database's models and fields, as a config's model, lines and domain name them,"
            + " and a live count of the records a domain selects.")
public class CatalogController {

  /** How many matching ids a count answers with, for a preview to pick from. */
  static final int FIRST_IDS = 5;

  private final SourceCatalog catalog;
  private final SourceDirectory directory;
  private final RecordSearch search;

  CatalogController(SourceCatalog catalog, SourceDirectory directory, RecordSearch search) {
    this.catalog = catalog;
    this.directory = directory;
    this.search = search;
  }

  @GetMapping("/api/catalog/models")
  @Operation(operationId = "listModels", summary = "The source's models, by name")
  @ApiResponse(responseCode = "200", description = "Every model a config can sync")
  public List<SourceDirectory.Model> models() {
    return directory.models();
  }

  @GetMapping("/api/catalog/models/{model}/fields")
  @Operation(
      operationId = "listFields",
      summary = "A model's fields with their Odoo type, label and related model",
      description =
          "A many2one's relatedModel lists the fields a dotted line path can continue with:"
              + " parent_id → res.partner → country_id → res.country → code.")
  @ApiResponse(responseCode = "200", description = "The model's fields, by name")
  @ApiResponse(responseCode = "404", description = "The source has no such model")
  public List<FieldView> fields(
      @PathVariable String model,
      @Parameter(description = "The labels' language, e.g. uk_UA (default en_US)")
          @RequestParam(defaultValue = ConfigSnapshot.DEFAULT_LANGUAGE)
          String language) {
    ModelInfo info = requireModel(model);
    Map<String, String> labels = directory.labels(info, language);
    return info.fields().values().stream()
        .sorted(Comparator.comparing(FieldInfo::name))
        .map(field -> FieldView.of(field, labels.get(field.name())))
        .toList();
  }

  @GetMapping("/api/catalog/models/{model}/count")
  @Operation(
      operationId = "countMatches",
      summary = "How many records a domain selects right now, and the first few ids",
      description =
          "The same rules as a run: archived records are left out unless the domain names"
              + " `active`. A malformed domain answers 400 with the problem at its position, as"
              + " saving a config would.")
  @ApiResponse(responseCode = "200", description = "The count and up to 5 ids, smallest first")
  @ApiResponse(responseCode = "400", description = "The domain breaks a rule: `errors` says where")
  @ApiResponse(responseCode = "404", description = "The source has no such model")
  public MatchCount count(
      @PathVariable String model,
      @Parameter(description = "An Odoo domain, e.g. [('customer_rank', '>', 0)]; default []")
          @RequestParam(defaultValue = "[]")
          String domain) {
    requireModel(model);
    try {
      return new MatchCount(
          search.count(model, domain, -1), search.search(model, domain, "", FIRST_IDS, 0));
    } catch (SourceException e) {
      throw new InvalidParameterException("filterDomain", e.getMessage());
    }
  }

  private ModelInfo requireModel(String model) {
    return catalog
        .model(model)
        .orElseThrow(
            () ->
                new ErrorResponseException(
                    HttpStatus.NOT_FOUND,
                    ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, "The source has no model '" + model + "'"),
                    null));
  }
}
