package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The platform on the provisioned server and PostgreSQL: health, the OpenAPI document, problem responses. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    Api api;

    @BeforeEach
    void client() {
        api = Api.of(url);
    }

    @Test
    void readyIncludesThePostgresDatabase() {
        HttpResult ready = Api.management().get("/health/ready");

        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        JsonObject json = ready.json();
        assertThat(json.getString("status")).isEqualTo("UP");
        JsonObject database = json.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("database")).findFirst().orElseThrow();
        assertThat(database.getString("status")).isEqualTo("UP");
        assertThat(database.getJsonObject("data").getString("product")).isEqualTo("PostgreSQL");
        JsonObject presence = json.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(check -> check.getString("name").equals("presence-events")).findFirst().orElseThrow();
        assertThat(presence.getString("status")).isEqualTo("UP");
        assertThat(presence.getJsonObject("data").getInt("pending")).isZero();
    }

    @Test
    void liveIsUp() {
        HttpResult live = Api.management().get("/health/live");

        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(live.json().getString("status")).isEqualTo("UP");
    }

    @Test
    void servesTheOpenApiDocument() {
        HttpResult openapi = new Api(java.net.URI.create(url.getProtocol() + "://" + url.getHost() + ":"
                + url.getPort() + "/")).get("/openapi?format=JSON");

        assertThat(openapi.status()).as(openapi.toString()).isEqualTo(200);
        assertThat(openapi.json().getJsonObject("info").getString("title")).isEqualTo("Mend API");
    }

    @Test
    void apiWithoutATokenIsUnauthorizedNotARedirect() {
        HttpResult result = api.get("/api/no-such-thing");

        assertThat(result.status()).isEqualTo(401);
    }

    @Test
    void unknownPathIsAProblemNotAStackTrace() {
        HttpResult result = api.as("admin").get("/api/no-such-thing");

        assertThat(result.status()).isEqualTo(404);
        assertThat(result.problemCode()).isEqualTo("NOT_FOUND");
        assertThat(result.body()).doesNotContain("Exception");
    }
}
