package dev.apisync.activities.codec;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionCodecTest {

  private static final String KEY_A = "a:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
  private static final String KEY_B = "b:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

  private static final Payload RECORD =
      DefaultDataConverter.STANDARD_INSTANCE
          .toPayload(Map.of("full_name", "Marker Müller", "id", 7))
          .orElseThrow();

  @Test
  void sealsThePayloadAndGivesBackExactlyWhatWasEncoded() {
    EncryptionCodec codec = new EncryptionCodec(PayloadKeys.parse(List.of(KEY_A)));

    Payload sealed = codec.encode(List.of(RECORD)).getFirst();

    assertThat(sealed.getData().toString(UTF_8)).doesNotContain("Marker");
    assertThat(sealed.getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted");
    assertThat(sealed.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("a");
    Payload opened = codec.decode(List.of(sealed)).getFirst();
    assertThat(opened).isEqualTo(RECORD);
    assertThat(opened.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo("json/plain");
  }

  @Test
  void eachEncryptionUsesAFreshNonce() {
    EncryptionCodec codec = new EncryptionCodec(PayloadKeys.parse(List.of(KEY_A)));

    assertThat(codec.encode(List.of(RECORD, RECORD)))
        .extracting(Payload::getData)
        .doesNotHaveDuplicates();
  }

  @Test
  void dataWrittenWithKeyAIsReadAfterKeyBBecomesCurrent() {
    Payload writtenWithA =
        new EncryptionCodec(PayloadKeys.parse(List.of(KEY_A))).encode(List.of(RECORD)).getFirst();
    EncryptionCodec rotated = new EncryptionCodec(PayloadKeys.parse(List.of(KEY_B, KEY_A)));

    assertThat(rotated.decode(List.of(writtenWithA))).containsExactly(RECORD);
    Payload writtenWithB = rotated.encode(List.of(RECORD)).getFirst();
    assertThat(writtenWithB.getMetadataMap().get("encryption-key-id").toStringUtf8())
        .isEqualTo("b");
    assertThat(rotated.decode(List.of(writtenWithB))).containsExactly(RECORD);
  }

  @Test
  void aRetiredKeyThatIsNoLongerListedIsNamedInTheError() {
    Payload writtenWithA =
        new EncryptionCodec(PayloadKeys.parse(List.of(KEY_A))).encode(List.of(RECORD)).getFirst();
    EncryptionCodec onlyB = new EncryptionCodec(PayloadKeys.parse(List.of(KEY_B)));

    assertThatThrownBy(() -> onlyB.decode(List.of(writtenWithA)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("'a'")
        .hasMessageContaining("apisync.temporal.codec.keys");
  }

  @Test
  void refusesAnAlteredPayloadOrAKeyIdSwappedInTheMetadata() {
    EncryptionCodec codec = new EncryptionCodec(PayloadKeys.parse(List.of(KEY_A, KEY_B)));
    Payload sealed = codec.encode(List.of(RECORD)).getFirst();
    byte[] data = sealed.getData().toByteArray();
    data[data.length - 1] ^= 1;
    Payload altered = sealed.toBuilder().setData(ByteString.copyFrom(data)).build();
    Payload relabelled =
        sealed.toBuilder().putMetadata("encryption-key-id", ByteString.copyFromUtf8("b")).build();

    assertThatThrownBy(() -> codec.decode(List.of(altered)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("cannot decrypt");
    assertThatThrownBy(() -> codec.decode(List.of(relabelled)))
        .isInstanceOf(PayloadCodecException.class);
  }

  @Test
  void payloadsWrittenBeforeTheCodecStillRead() {
    EncryptionCodec codec = new EncryptionCodec(PayloadKeys.parse(List.of(KEY_A)));

    assertThat(codec.decode(List.of(RECORD))).containsExactly(RECORD);
  }

  @Test
  void theDataConverterRoundTripsValuesAndFailures() {
    DataConverter converter =
        new EncryptionCodec(PayloadKeys.parse(List.of(KEY_A))).dataConverter();

    Payload sealed = converter.toPayload("Marker record").orElseThrow();

    assertThat(sealed.getData().toString(UTF_8)).doesNotContain("Marker");
    assertThat(converter.fromPayload(sealed, String.class, String.class))
        .isEqualTo("Marker record");
    var failure =
        converter.exceptionToFailure(new IllegalStateException("refused Marker record 7"));
    assertThat(failure.getMessage()).doesNotContain("Marker");
    assertThat(converter.failureToException(failure))
        .hasMessageContaining("refused Marker record 7");
  }

  @Test
  void keysAreCheckedWithoutEverShowingThem() {
    assertThatThrownBy(
            () -> PayloadKeys.parse(List.of("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")))
        .hasMessageContaining("id:key");
    assertThatThrownBy(() -> PayloadKeys.parse(List.of("k1:c2hvcnQ=")))
        .hasMessageContaining("'k1' must be 32 bytes")
        .hasMessageNotContaining("c2hvcnQ");
    assertThatThrownBy(() -> PayloadKeys.parse(List.of(KEY_A, KEY_A)))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> PayloadKeys.parse(List.of("")))
        .hasMessageContaining("no payload keys");
  }
}
