package care.mend.media.kurento.standin;

import com.google.gson.JsonObject;

/**
 * A JSON-RPC error as Kurento Media Server 7.3 words it (codes, messages and {@code data.type} as recorded in
 * {@code shared/kurento-protocol/transcripts}).
 */
final class KmsError extends RuntimeException {

    final int code;
    final String type;

    KmsError(int code, String type, String message) {
        super(message, null, false, false);
        this.code = code;
        this.type = type;
    }

    static KmsError notFound(String id) {
        return new KmsError(40101, "MEDIA_OBJECT_NOT_FOUND", "Object '" + id + "' not found");
    }

    static KmsError marshall(String param, String kind, String jsonType) {
        return new KmsError(40001, "MARSHALL_ERROR", "'" + param + "' " + kind + " should be a " + jsonType);
    }

    static KmsError invalidSdp(String message) {
        return new KmsError(40201, "SDP_PARSE_ERROR", message);
    }

    static KmsError invalidSession() {
        return new KmsError(40007, "INVALID_SESSION", "Invalid session");
    }

    /** A failure a test asked for, shaped like a KMS-internal error. */
    static KmsError injected() {
        return new KmsError(40999, "UNEXPECTED_ERROR", "Injected failure");
    }

    JsonObject toJson() {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        if (type != null) {
            JsonObject data = new JsonObject();
            data.addProperty("type", type);
            error.add("data", data);
        }
        error.addProperty("message", getMessage());
        return error;
    }
}
