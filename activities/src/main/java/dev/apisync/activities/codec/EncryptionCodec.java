package dev.apisync.activities.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts every Temporal payload apisync writes (workflow inputs and results, activity arguments
 * and results: mapped records, request bodies, failure reasons) with AES-256-GCM, so Temporal's
 * history holds no record data in the clear.
 *
 * <p>The whole payload, its metadata included, is sealed: decoding gives back exactly the payload
 * that was encoded, {@code encoding} and all. The sealed payload says {@code encoding:
 * binary/encrypted} and names its key in {@code encryption-key-id} (authenticated as associated
 * data), so any key of {@link PayloadKeys} decrypts what it wrote. Payloads without that encoding
 * (written before the codec, or by another client) pass through unchanged.
 */
public final class EncryptionCodec implements PayloadCodec {

  /** The {@code encoding} of a sealed payload (as Temporal's samples name it). */
  public static final String ENCODING = "binary/encrypted";

  /** The metadata key that names the key a payload was sealed with. */
  public static final String KEY_ID = "encryption-key-id";

  private static final String METADATA_ENCODING = "encoding";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final PayloadKeys keys;
  private final SecureRandom random = new SecureRandom();

  public EncryptionCodec(PayloadKeys keys) {
    this.keys = keys;
  }

  /**
   * Temporal's default converter (JSON and the rest) with this codec on top, failure messages and
   * stack traces included ({@code encodeFailureAttributes}): a failure reason can quote a record.
   */
  public DataConverter dataConverter() {
    return new CodecDataConverter(DefaultDataConverter.newDefaultInstance(), List.of(this), true);
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return payloads.stream().map(this::seal).toList();
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return payloads.stream().map(this::open).toList();
  }

  private Payload seal(Payload payload) {
    String keyId = keys.currentId();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      byte[] sealed =
          cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce, keyId).doFinal(payload.toByteArray());
      return Payload.newBuilder()
          .putMetadata(METADATA_ENCODING, ByteString.copyFromUtf8(ENCODING))
          .putMetadata(KEY_ID, ByteString.copyFromUtf8(keyId))
          .setData(
              ByteString.copyFrom(
                  ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).flip()))
          .build();
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException(e);
    }
  }

  private Payload open(Payload payload) {
    ByteString encoding = payload.getMetadataMap().get(METADATA_ENCODING);
    if (encoding == null || !encoding.toStringUtf8().equals(ENCODING)) {
      return payload;
    }
    ByteString id = payload.getMetadataMap().get(KEY_ID);
    String keyId = id == null ? "" : id.toStringUtf8();
    SecretKey key =
        keys.find(keyId)
            .orElseThrow(
                () ->
                    new PayloadCodecException(
                        "a payload is encrypted with the key '"
                            + keyId
                            + "', which is not among apisync.temporal.codec.keys ("
                            + keys.currentId()
                            + " and older): keep retired keys listed until their histories"
                            + " expire"));
    byte[] data = payload.getData().toByteArray();
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new PayloadCodecException("an encrypted payload is too short to be one");
    }
    try {
      byte[] nonce = Arrays.copyOf(data, NONCE_BYTES);
      byte[] plain =
          cipher(Cipher.DECRYPT_MODE, key, nonce, keyId)
              .doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
      return Payload.parseFrom(plain);
    } catch (GeneralSecurityException | InvalidProtocolBufferException e) {
      throw new PayloadCodecException(
          "cannot decrypt a payload sealed with the key '" + keyId + "': altered, or another key",
          e);
    }
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
