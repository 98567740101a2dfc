package dev.apisync.api.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.apisync.activities.codec.EncryptionCodec;
import dev.apisync.api.InvalidParameterException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Temporal's remote codec protocol, so that the Temporal Web UI (and {@code temporal ...
 * --codec-endpoint}) can show apisync's encrypted payloads: {@code POST /codec/decode} and {@code
 * /codec/encode} take and answer {@code {"payloads": [{"metadata": {...}, "data": "..."}]}}
 * (Temporal's protobuf JSON, bytes as base64). The UI calls it from the browser: {@link
 * CodecCorsConfiguration} lets its origin in.
 */
@RestController
@RequestMapping(
    path = "/codec",
    consumes = MediaType.APPLICATION_JSON_VALUE,
    produces = MediaType.APPLICATION_JSON_VALUE)
public class CodecController {

  private final EncryptionCodec codec;

  public CodecController(EncryptionCodec codec) {
    this.codec = codec;
  }

  @Operation(
      summary = "Decrypt payloads (Temporal's remote codec protocol)",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = PayloadsDocument.class))),
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(schema = @Schema(implementation = PayloadsDocument.class))))
  @PostMapping("/decode")
  public String decode(@RequestBody String body) {
    return apply(body, codec::decode);
  }

  @Operation(
      summary = "Encrypt payloads with the current key (Temporal's remote codec protocol)",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = PayloadsDocument.class))),
      responses =
          @ApiResponse(
              responseCode = "200",
              content = @Content(schema = @Schema(implementation = PayloadsDocument.class))))
  @PostMapping("/encode")
  public String encode(@RequestBody String body) {
    return apply(body, codec::encode);
  }

  /** The protocol's JSON shape, for the OpenAPI document (the body is handled as protobuf JSON). */
  @Schema(
      description =
          "Temporal payloads: {\"payloads\": [{\"metadata\": {...}, \"data\": \"<base64>\"}]}")
  record PayloadsDocument(List<PayloadDocument> payloads) {}

  /** One payload: metadata values and data are base64. */
  record PayloadDocument(java.util.Map<String, String> metadata, String data) {}

  private static String apply(String body, UnaryOperator<List<Payload>> operation) {
    Payloads.Builder payloads = Payloads.newBuilder();
    try {
      JsonFormat.parser().merge(body, payloads);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new InvalidParameterException(
          "payloads",
          "must be Temporal's JSON {\"payloads\": [{\"metadata\": {...}, \"data\": \"<base64>\"}]}");
    }
    List<Payload> result;
    try {
      result = operation.apply(payloads.getPayloadsList());
    } catch (PayloadCodecException e) {
      throw new InvalidParameterException("payloads", e.getMessage());
    }
    try {
      return JsonFormat.printer()
          .omittingInsignificantWhitespace()
          .print(Payloads.newBuilder().addAllPayloads(result).build());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a payload cannot be written as JSON", e);
    }
  }
}
