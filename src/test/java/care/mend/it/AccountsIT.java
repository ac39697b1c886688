package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Logins made from Mend against the real Keycloak and a real SMTP server in this JVM (GreenMail), the link followed in
 * Chromium: an admin registers a patient with an e-mail address and no subject; Keycloak makes the user with the
 * realm role and sends its own e-mail; the link in it sets a password on Keycloak's page (no names asked); the patient
 * signs in to Mend's page with it. Disabling the login refuses the sign-in at Keycloak, refuses the token they still
 * hold in Mend and closes their open socket with {@code LOGIN_DISABLED}. And the integration client: a
 * client-credentials token reads the report, its CSV and its FHIR export, and nothing else.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccountsIT {

    private static final Pattern ACTION_LINK = Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?"
            + "[^\\s\"<>]+");
    private static GreenMail mail;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    @BeforeAll
    static void startMail() {
        int port = IntegrationEnvironment.freePort();
        mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        IntegrationEnvironment.keycloakAdmin().setSmtpServer("mend", "127.0.0.1", port, "mend@accounts.mend.invalid");
    }

    @AfterAll
    static void stopMail() {
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void anInvitedPatientSetsAPasswordFromTheEmailSignsInAndIsLockedOutWhenDisabled() throws Exception {
        Browser.requireChromium();
        URL base = new URL("http://127.0.0.1:" + System.getProperty("mend.it.http.port") + "/");
        Api api = Api.of(url);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "acct-" + tag + "@accounts.mend.invalid";
        String password = "demo-" + email;

        HttpResult created = api.as("admin").post("/api/patients", """
                {"displayName":"Acct Patient %s (synthetic)","chosenName":"Acct","email":"%s",
                 "emergencyContact":{"name":"Contact C. (synthetic)","phone":"+1 555 0100"}}""".formatted(tag, email));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject patient = created.json();
        assertThat(patient.getString("loginState")).as(created.body()).isEqualTo("INVITED");
        String subject = patient.getString("idpSubject");
        JsonObject user = IntegrationEnvironment.keycloakAdmin().user("mend", email);
        assertThat(user.getString("id")).as("nobody copies a UUID: Mend linked the user it made").isEqualTo(subject);

        String link = invitationLink(email);
        Browser invited = Browser.open("acct-invited");
        try {
            invited.go(link);
            setPasswordOnKeycloaksPages(invited, password, email);
        } catch (RuntimeException | AssertionError e) {
            invited.screenshot("accounts-invitation-FAILED");
            throw e;
        } finally {
            invited.close();
        }

        Browser signedIn = Browser.open("acct-sign-in");
        try {
            signedIn.signIn(base, "patient.html", email, password);
            assertThat(signedIn.currentUrl()).startsWith(base + "app/patient.html");
        } catch (RuntimeException | AssertionError e) {
            signedIn.screenshot("accounts-sign-in-FAILED");
            throw e;
        } finally {
            signedIn.close();
        }
        HttpResult me = api.as(email).get("/api/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains(patient.getString("id"));

        // Disabled: the open socket closes, Keycloak refuses the password, Mend refuses the token still held.
        SignalingClient socket = SignalingClient.connect(api, email);
        HttpResult disabled = api.as("admin").post("/api/patients/" + patient.getString("id") + "/login/disable", "{}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().getString("loginState")).isEqualTo("DISABLED");
        assertThat(disabled.json().containsKey("loginProblem")).as("Keycloak was told").isFalse();
        SignalingClient.Closed closed = socket.awaitClose();
        assertThat(closed.reason()).isEqualTo("LOGIN_DISABLED");
        assertThat(closed.code()).isEqualTo(1008);
        assertThat(IntegrationEnvironment.keycloakAdmin().user("mend", email).getBoolean("enabled")).isFalse();
        assertThatThrownBy(() -> KeycloakAdmin.postForm(tokenEndpoint(), Map.of("grant_type", "password",
                "client_id", KeycloakAdmin.TEST_CLIENT, "username", email, "password", password)))
                .as("Keycloak refuses the sign-in").isInstanceOf(RuntimeException.class);
        HttpResult refused = api.as(email).get("/api/me");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemCode()).isEqualTo("LOGIN_DISABLED");

        HttpResult audit = api.as("admin").get("/api/audit?patientId=" + patient.getString("id"));
        assertThat(audit.body()).contains("CREATE_LOGIN", "DISABLE_LOGIN");
    }

    @Test
    void withoutAnAddressAPatientIsRefusedAnInvitationAndAnUnknownAddressShapeIsAFieldError() {
        Api api = Api.of(url);
        HttpResult noLogin = api.as("admin").post("/api/patients", """
                {"displayName":"Acct None (synthetic)",
                 "emergencyContact":{"name":"Contact C. (synthetic)","phone":"+1 555 0100"}}""");
        assertThat(noLogin.status()).isEqualTo(400);
        assertThat(noLogin.body()).contains("idpSubject");
        HttpResult badAddress = api.as("admin").post("/api/patients", """
                {"displayName":"Acct Bad (synthetic)","email":"not an address",
                 "emergencyContact":{"name":"Contact C. (synthetic)","phone":"+1 555 0100"}}""");
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.body()).contains("email");
        HttpResult bySubject = api.as("admin").post("/api/patients", """
                {"idpSubject":"acct-by-hand-%s","displayName":"Acct By Hand (synthetic)",
                 "emergencyContact":{"name":"Contact C. (synthetic)","phone":"+1 555 0100"}}"""
                .formatted(UUID.randomUUID()));
        assertThat(bySubject.status()).isEqualTo(201);
        assertThat(bySubject.json().getString("loginState")).isEqualTo("ACTIVE");
        HttpResult invite = api.as("admin").post("/api/patients/" + bySubject.json().getString("id")
                + "/login/invite", "{}");
        assertThat(invite.status()).isEqualTo(409);
        assertThat(invite.problemCode()).isEqualTo("LOGIN_EMAIL_REQUIRED");
        HttpResult notAdmin = api.as("facilitator").post("/api/patients/" + bySubject.json().getString("id")
                + "/login/disable", "{}");
        assertThat(notAdmin.status()).isEqualTo(403);
    }

    @Test
    void theIntegrationClientReadsTheReportAndItsExportsAndNothingElse() {
        JsonObject token = KeycloakAdmin.postForm(tokenEndpoint(), Map.of("grant_type", "client_credentials",
                "client_id", "mend-integration", "client_secret", "mend-integration-local-development-secret"));
        Api integration = Api.of(url).withToken(token.getString("access_token"));
        HttpResult report = integration.get("/api/attendance/report");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        HttpResult csv = integration.accepting("text/csv").get("/api/attendance/report.csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        HttpResult fhir = integration.accepting("application/fhir+json").get("/api/attendance/report.fhir");
        assertThat(fhir.status()).isEqualTo(200);
        assertThat(fhir.body()).contains("\"resourceType\"");
        assertThat(integration.get("/api/patients").status()).isEqualTo(403);
        assertThat(integration.get("/api/sites").status()).isEqualTo(403);
        assertThat(integration.post("/api/signaling/tickets", "").status()).isEqualTo(403);
        assertThat(integration.post("/api/sites", "{}").status()).isEqualTo(403);
        HttpResult log = Api.of(url).as("admin").get("/api/audit?action=EXPORT_CSV&size=200");
        assertThat(log.body()).as("the integration is the actor, with its role").contains("integration");
    }

    /** Keycloak's pages from the e-mail's link: proceed, a new password twice, and no names asked on the way. */
    private static void setPasswordOnKeycloaksPages(Browser browser, String password, String email) throws Exception {
        for (int step = 0; step < 6; step++) {
            String page = browser.visible(By.tagName("body")).getText();
            if (page.contains("Your account has been updated")) {
                return;
            }
            assertThat(browser.driver().findElements(By.id("firstName"))).as("Keycloak asks for no names").isEmpty();
            if (!browser.driver().findElements(By.id("password-new")).isEmpty()) {
                browser.visible("password-new").sendKeys(password);
                browser.visible("password-confirm").sendKeys(password);
                browser.click(By.cssSelector("[type='submit']"));
            } else if (!browser.driver().findElements(By.partialLinkText("proceed")).isEmpty()) {
                browser.click(By.partialLinkText("proceed"));
            } else if (page.toLowerCase().contains("verify")) {
                browser.go(invitationLink(email)); // a second e-mail, to verify the address
            } else {
                throw new AssertionError("an unexpected page from the invitation: " + page);
            }
            Thread.sleep(200); // the next page replaces this one; the loop reads it afresh
        }
        throw new AssertionError("the invitation did not end in an updated account");
    }

    /** The newest action link Keycloak sent to {@code email}. */
    private static String invitationLink(String email) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            MimeMessage[] received = mail.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                if (Arrays.stream(received[i].getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().contains(email))) {
                    Matcher link = ACTION_LINK.matcher(text(received[i]));
                    if (link.find()) {
                        return link.group().replace("&amp;", "&");
                    }
                }
            }
            mail.waitForIncomingEmail(TimeUnit.SECONDS.toMillis(2), received.length + 1);
        }
        throw new AssertionError("no invitation e-mail for the patient within 60 s");
    }

    /** The decoded text of a message, every part of it. */
    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return content instanceof String s ? s : "";
    }

    private static URI tokenEndpoint() {
        return URI.create(System.getProperty("mend.it.keycloak.url") + "/realms/mend/protocol/openid-connect/token");
    }
}
