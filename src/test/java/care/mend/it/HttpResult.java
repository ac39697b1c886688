package care.mend.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.http.HttpResponse;

/** A response as the tests see it: status, content type and the body parsed as JSON where it is JSON. */
public record HttpResult(int status, String contentType, String body) {

    static HttpResult of(HttpResponse<String> response) {
        return new HttpResult(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    public JsonObject json() {
        return (JsonObject) parse();
    }

    public JsonArray jsonArray() {
        return (JsonArray) parse();
    }

    /** The problem document's {@code code}, or null if the body is not a problem document. */
    public String problemCode() {
        if (!contentType.startsWith("application/problem+json")) {
            return null;
        }
        return json().getString("code", null);
    }

    private JsonStructure parse() {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    @Override
    public String toString() {
        return status + " " + contentType + " " + body;
    }
}
