package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A clinic set up through the admin pages alone, in a real browser against the real server and Keycloak: the admin
 * signs in through Keycloak's form, creates a site, a program, a patient, an enrollment and a group with a weekly
 * slot (its preview of the next sessions shown), adds the patient to the group and voids that membership as entered
 * in error. A refused form shows the server's field errors next to their inputs. Every page is checked at 390×844
 * and 1280×800 (screenshots in target/screenshots/).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPagesIT {

    static final String VOID_REASON = "Entered for the wrong patient (synthetic)";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    private URL base;
    private Api api;
    private Browser admin;

    @BeforeEach
    void setUp() throws Exception {
        Browser.requireChromium();
        // The deployment URL may name the host as WildFly bound it; the realm's redirect URIs name 127.0.0.1.
        base = new URL("http://127.0.0.1:" + System.getProperty("mend.it.http.port") + "/");
        api = Api.of(url);
        AccessFixture.on(api); // the facilitator's staff record, whom the group will name
    }

    @AfterEach
    void closeBrowser() {
        if (admin != null) {
            admin.close();
        }
    }

    @Test
    void anAdminSetsUpAClinicThroughThePagesAndVoidsAMembershipEnteredInError() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String siteName = "Admin Site " + tag;
        String programName = "Admin IOP " + tag;
        String patientName = "Admin Patient " + tag + " (synthetic)";
        String groupName = "Admin Group " + tag;
        String facilitatorId = staffId(DemoIdentities.FACILITATOR);
        admin = Browser.open("admin");
        try {
            admin.signIn(base, "admin/", "admin");
            admin.untilText("pages-title", "What to manage");
            admin.checkLayout("admin-home");

            // A site; first refused without its fields, which the page shows next to each input.
            page("sites.html");
            admin.visible("site-name").sendKeys(siteName);
            admin.click(By.cssSelector("#site-form button[type='submit']"));
            admin.until("the city's error", ExpectedConditions.visibilityOfElementLocated(
                    By.id("site-city-server-error")));
            assertThat(admin.visible("site-city").getAttribute("aria-invalid")).isEqualTo("true");
            admin.checkLayout("admin-site-errors");
            type("site-city", "Jackson");
            type("site-state", "TN");
            type("site-zone", "America/Chicago");
            admin.click(By.cssSelector("#site-form button[type='submit']"));
            admin.untilText("sites", siteName);
            admin.checkLayout("admin-sites");

            page("programs.html");
            choose("program-site", siteName + " (Jackson)");
            type("program-name", programName);
            admin.click(By.cssSelector("#program-form button[type='submit']"));
            admin.untilText("programs", programName);
            admin.checkLayout("admin-programs");

            // Its consent texts: none yet (said: its patients cannot join), a refused form, then version 1.
            admin.click(By.cssSelector("#admin-nav a[href='consents.html']"));
            admin.until("consents.html is open", d -> d.getCurrentUrl().contains("/app/admin/consents.html"));
            choose("consent-program", programName);
            admin.untilText("versions-missing", "cannot join");
            admin.click(By.cssSelector("#consent-form button[type='submit']"));
            admin.until("the title's error", ExpectedConditions.visibilityOfElementLocated(
                    By.id("consent-title-server-error")));
            type("consent-title", "Consent to group therapy by video (synthetic)");
            type("consent-body", "Group therapy by secure video.");
            admin.visible("consent-body").sendKeys(Keys.ENTER, Keys.ENTER, "Not recorded. (synthetic)");
            admin.click(By.cssSelector("#consent-form button[type='submit']"));
            untilAnnounced("version 1 published");
            admin.untilText("versions", "Current");
            admin.untilText("versions-missing", "Group agreement");
            admin.checkLayout("admin-consents");

            // A patient, enrolled at once in the new program.
            page("patients.html");
            type("patient-subject", "admin-it-" + tag);
            type("patient-name", patientName);
            type("patient-chosen", "Robin");
            type("contact-name", "Contact C. (synthetic)");
            type("contact-phone", "+1 555 0100");
            choose("patient-program", programName + " — " + siteName);
            type("patient-start", dateInput(LocalDate.now().minusDays(7)));
            admin.click(By.cssSelector("#patient-form button[type='submit']"));
            untilAnnounced("created and enrolled");
            admin.checkLayout("admin-patients");

            page("enrollments.html");
            choose("filter-patient", patientName);
            admin.click(By.cssSelector("#enrollment-filter button[type='submit']"));
            admin.untilText("enrollments", programName);
            admin.checkLayout("admin-enrollments");

            // A group with one weekly slot; the preview lists its next sessions in the site's zone.
            page("groups.html");
            type("group-name", groupName);
            choose("group-program", programName + " — " + siteName);
            admin.visible(By.id("slot-0-startTime"));
            admin.click(By.cssSelector("input[name='facilitatorIds'][value='" + facilitatorId + "']"));
            admin.untilText("preview-zone", "America/Chicago");
            assertThat(admin.visible("preview").findElements(By.tagName("li"))).hasSize(6);
            admin.click(By.cssSelector("#group-form button[type='submit']"));
            admin.untilText("groups", groupName);
            admin.checkLayout("admin-groups");

            // The membership, then its void: confirmed in a dialog that asks why, refused without a reason.
            page("memberships.html");
            choose("choose-group", groupName);
            choose("member-patient", patientName); // offered once the group's enrolled patients are read
            admin.click(By.cssSelector("#membership-form button[type='submit']"));
            admin.untilText("members", "Active");
            admin.checkLayout("admin-memberships");
            admin.click(By.cssSelector("button[aria-label='Void: " + patientName + "']"));
            admin.visible(By.cssSelector("dialog[open] input[name='reason']"));
            admin.click(By.cssSelector("dialog[open] button[type='submit']"));
            admin.until("the reason's error", ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("dialog[open] .field-message")));
            admin.screenshot("admin-void-dialog");
            admin.visible(By.cssSelector("dialog[open] input[name='reason']")).sendKeys(VOID_REASON);
            admin.click(By.cssSelector("dialog[open] button[type='submit']"));
            admin.untilText("members", "Voided — " + VOID_REASON);
            admin.checkLayout("admin-membership-voided");
            // Chromium logs each refused request as a failed load: the three refusals this test asks for (the site
            // without its fields, the consent text without its title, the void without a reason) are expected.
            // Nothing else may be logged.
            assertThat(admin.consoleErrors()).filteredOn(message -> !(message.contains("Failed to load resource")
                    && (message.contains("/api/sites ") || message.contains("/consent-texts ")
                    || message.matches(".*/api/memberships/[0-9a-f-]+/void .*")))).isEmpty();

            // The REST API to browse, from the admin home: Swagger UI served by the WAR (no CDN) over /openapi,
            // listing Mend's own operations. (Swagger UI's own markup is not Mend's to audit: no layout check.)
            admin.go(base + "app/admin/");
            admin.click(By.cssSelector("a[href='../api-docs/']"));
            admin.until("the API's operations", d -> d.findElements(By.cssSelector(".opblock")).size() > 20);
            assertThat(admin.visible(By.cssSelector("#swagger-ui")).getText()).contains("/api/patients",
                    "/api/attendance/report");
            assertThat((Boolean) admin.script("return [...document.scripts, ...document.querySelectorAll('link')]"
                    + ".every(e => !(e.src || e.href) || new URL(e.src || e.href).origin === location.origin)"))
                    .as("nothing from another origin").isTrue();
            admin.screenshot("admin-api-docs-1280");
            assertThat(admin.consoleErrors()).as("the API page's console").filteredOn(m -> !m.contains("Failed to load"))
                    .isEmpty();
        } catch (RuntimeException | AssertionError e) {
            admin.screenshot("admin-FAILED");
            throw e;
        }

        JsonObject group = api.as("admin").get("/api/groups?size=200").json().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().filter(g -> g.getString("name").equals(groupName))
                .findFirst().orElseThrow();
        JsonObject membership = api.as("admin").get("/api/groups/" + group.getString("id") + "/memberships")
                .json().getJsonArray("items").getJsonObject(0);
        assertThat(membership.getString("voidReason")).isEqualTo(VOID_REASON);
        assertThat(membership.getString("voidedBy")).isNotBlank();
        assertThat(api.as("admin").get("/api/groups/" + group.getString("id") + "/memberships?activeOn="
                + LocalDate.now()).json().getInt("total")).as("on no day").isZero();
    }

    private void page(String name) {
        admin.click(By.cssSelector("#admin-nav a[href='" + name + "']"));
        admin.until(name + " is open", d -> d.getCurrentUrl().contains("/app/admin/" + name));
        admin.until(name + " has its lists", ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".list-status"), "."));
    }

    /**
     * The page's live region says {@code part}; a failure says what it said instead. Its words are read from the DOM:
     * WebDriver's text of the visually hidden region is empty on these pages, although it says the words.
     */
    private void untilAnnounced(String part) {
        admin.wait.withMessage(() -> "admin: the page announces \"" + part + "\"; it said \""
                + admin.script("return document.getElementById('live').textContent") + "\"")
                .until(d -> (Boolean) admin.script(
                        "return document.getElementById('live').textContent.includes(arguments[0])", part));
    }

    private void type(String id, String text) {
        WebElement input = admin.visible(id);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Chooses an option once the select offers it. The options are read in the page: a page fills its selects again
     * when their source changes (the memberships page, its patients when a group is chosen), so option elements read
     * one by one through WebDriver may be gone by the next call.
     */
    private void choose(String id, String visibleText) {
        admin.until(id + " offers " + visibleText, d -> (Boolean) admin.script(
                "return [...document.getElementById(arguments[0]).options].some((o) => o.text === arguments[1])",
                id, visibleText));
        new Select(admin.visible(id)).selectByVisibleText(visibleText);
    }

    /** A date as Chromium's date input takes keystrokes in the en-US locale the browser is started with. */
    private static String dateInput(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("MMddyyyy", Locale.US));
    }

    private String staffId(String subject) {
        return api.as("admin").get("/api/staff?idpSubject=" + subject).json().getJsonArray("items").getJsonObject(0)
                .getString("id");
    }
}
