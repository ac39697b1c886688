package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbSubtype;
import jakarta.json.bind.annotation.JsonbTypeInfo;
import jakarta.validation.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every message type of both directions has a golden JSON file under {@code signaling/golden/}, and each file reads
 * into its type and writes back to the same JSON: the wire format cannot drift unnoticed.
 */
class SignalingGoldenTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private final ClientMessageCodec codec =
            new ClientMessageCodec(Validation.buildDefaultValidatorFactory().getValidator());

    @Test
    void everyClientMessageRoundTripsItsGoldenFile() throws IOException {
        Map<Class<?>, String> aliases = aliases(ClientMessage.class);
        assertThat(aliases.keySet()).containsExactlyInAnyOrder(ClientMessage.class.getPermittedSubclasses());
        for (Map.Entry<Class<?>, String> type : aliases.entrySet()) {
            String golden = golden("client/" + type.getValue() + ".json");

            ClientMessageCodec.Decoded decoded = codec.decode(golden);

            assertThat(decoded).as(type.getValue()).isInstanceOf(ClientMessageCodec.Decoded.Message.class);
            ClientMessage message = ((ClientMessageCodec.Decoded.Message) decoded).message();
            assertThat(message).isInstanceOf(type.getKey());
            assertThat(json(ClientMessageCodec.encode(message))).as(type.getValue()).isEqualTo(json(golden));
        }
    }

    @Test
    void everyServerMessageRoundTripsItsGoldenFile() throws IOException {
        Map<Class<?>, String> aliases = aliases(ServerMessage.class);
        assertThat(aliases.keySet()).containsExactlyInAnyOrder(ServerMessage.class.getPermittedSubclasses());
        for (Map.Entry<Class<?>, String> type : aliases.entrySet()) {
            String golden = golden("server/" + type.getValue() + ".json");

            ServerMessage message = JSONB.fromJson(golden, ServerMessage.class);

            assertThat(message).as(type.getValue()).isInstanceOf(type.getKey());
            assertThat(json(SignalingJson.encode(message))).as(type.getValue()).isEqualTo(json(golden));
        }
    }

    private static Map<Class<?>, String> aliases(Class<?> sealed) {
        return Arrays.stream(sealed.getAnnotation(JsonbTypeInfo.class).value())
                .collect(Collectors.toMap(JsonbSubtype::type, JsonbSubtype::alias));
    }

    private static String golden(String path) throws IOException {
        try (InputStream in = SignalingGoldenTest.class.getResourceAsStream("/signaling/golden/" + path)) {
            assertThat(in).as("golden file " + path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
