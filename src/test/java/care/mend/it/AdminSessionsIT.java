package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.schedule.demo.DemoIdentities;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin sessions page in a real browser against the real server and Keycloak: the admin adds a one-off session
 * for today in the group's own time zone, sees it in the list, moves it (the list then says where it came from), and
 * adds a make-up guest from another program, whose place on the roster the API confirms. Checked at 390×844 and
 * 1280×800 at each step, with screenshots in target/screenshots/.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminSessionsIT {

    static final String REASON = "Extra group before the holiday (synthetic)";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    private URL base;
    private Api api;
    private Browser browser;

    @BeforeEach
    void setUp() throws Exception {
        Browser.requireChromium();
        base = new URL("http://127.0.0.1:" + System.getProperty("mend.it.http.port") + "/");
        api = Api.of(url);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    /** A zone where it is between 00:10 and 19:30 now, so that today still has room for a session and its move. */
    private static ZoneId zoneWithRoomToday() {
        for (String id : List.of("America/Chicago", "UTC", "Asia/Tokyo", "Pacific/Auckland")) {
            LocalTime local = ZonedDateTime.now(ZoneId.of(id)).toLocalTime();
            if (local.isAfter(LocalTime.of(0, 10)) && local.isBefore(LocalTime.of(19, 30))) {
                return ZoneId.of(id);
            }
        }
        throw new IllegalStateException("no zone with room today");
    }

    private static void setValue(Browser browser, String id, String value) {
        browser.script("const input = document.getElementById(arguments[0]); input.value = arguments[1];"
                + " input.dispatchEvent(new Event('input', {bubbles: true}));"
                + " input.dispatchEvent(new Event('change', {bubbles: true}));", id, value);
    }

    /** The page's live region (visually hidden, so read as text content, not as what is shown). */
    private void untilAnnounced(String part) {
        browser.until("the page announces \"" + part + "\"", d -> (Boolean) browser.script(
                "return document.getElementById('live').textContent.includes(arguments[0])", part));
    }

    private WebElement rowButton(String text, String button) {
        return browser.until("the row of \"" + text + "\" offers " + button, d -> d.findElements(By.xpath(
                "//table[@id='sessions']//tr[contains(., '" + text + "')]//button[normalize-space()='" + button
                        + "']")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    @Test
    void anAdminAddsAOneOffSessionTodayMovesItAndAddsAMakeUpGuest() {
        Api admin = api.as("admin");
        AccessFixture.on(api);
        ZoneId zone = zoneWithRoomToday();
        ZonedDateTime now = ZonedDateTime.now(zone);
        LocalDate today = now.toLocalDate();
        LocalTime start = now.toLocalTime().plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        LocalTime later = start.plusHours(1);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String site = AccessFixture.id(admin.post("/api/sites", AccessFixture.site("Sessions Site " + tag)));
        String program = AccessFixture.id(admin.post("/api/programs", AccessFixture.program(site)));
        String otherProgram = AccessFixture.id(admin.post("/api/programs", """
                {"siteId":"%s","name":"Other IOP %s","kind":"SUBSTANCE_USE_IOP","requiredSessions":20,
                 "plannedSessionsPerWeek":3,"plannedSessionMinutes":180}""".formatted(site, tag)));
        String facilitator = admin.get("/api/staff?idpSubject=" + DemoIdentities.FACILITATOR).json()
                .getJsonArray("items").getJsonObject(0).getString("id");
        String groupName = "Sessions Group " + tag;
        // The weekly slot is on another day, so today holds only the one-off.
        String group = AccessFixture.id(admin.post("/api/groups", """
                {"name":"%s","programId":"%s","capacity":12,
                 "schedule":{"timeZone":"%s","slots":[{"dayOfWeek":"%s","startTime":"06:00","lengthMinutes":60}]},
                 "facilitatorIds":["%s"]}""".formatted(groupName, program, zone.getId(),
                today.plusDays(3).getDayOfWeek(), facilitator)));
        String guestName = "Guest Patient " + tag;
        String guest = AccessFixture.id(admin.post("/api/patients", """
                {"idpSubject":"guest-%s","displayName":"%s",
                 "emergencyContact":{"name":"Guest Contact","phone":"+1 555 0100"}}""".formatted(tag, guestName)));
        AccessFixture.id(admin.post("/api/enrollments", "{\"patientId\":\"%s\",\"programId\":\"%s\",\"startDate\":\"%s\"}"
                .formatted(guest, otherProgram, today.minusDays(1))));

        browser = Browser.open("admin-sessions", Browser.Devices.NONE);
        try {
            throughThePage(admin, group, groupName, guest, guestName, otherProgram, zone, today, start, later);
        } catch (RuntimeException | AssertionError e) {
            browser.screenshot("FAILED");
            throw e;
        }
    }

    private void throughThePage(Api admin, String group, String groupName, String guest, String guestName,
            String otherProgram, ZoneId zone, LocalDate today, LocalTime start, LocalTime later) {
        browser.signIn(base, "admin/sessions.html", "admin");
        browser.until("the groups are offered", d -> d.findElements(By.cssSelector("#add-group option")).stream()
                .anyMatch(o -> o.getText().equals(groupName)));
        browser.checkLayout("start");

        // A one-off session today, at a time in the group's zone.
        new Select(browser.visible("add-group")).selectByVisibleText(groupName);
        browser.untilText("add-group-zone", zone.getId());
        setValue(browser, "add-date", today.toString());
        setValue(browser, "add-start", start.toString());
        setValue(browser, "add-length", "60");
        browser.visible("add-reason").sendKeys(REASON);
        browser.click(By.cssSelector("#add button[type=submit]"));
        untilAnnounced("One-off session added");
        rowButton(REASON, "Move");
        browser.checkLayout("one-off-added");
        JsonObject added = admin.get("/api/sessions?groupId=" + group).json().getJsonArray("items").getJsonObject(0);
        assertThat(added.getString("kind")).isEqualTo("ONE_OFF");
        assertThat(added.getString("localDate")).isEqualTo(today.toString());
        assertThat(added.getString("startLocalTime")).startsWith(start.toString());

        // Moved an hour later: the same session, with where it came from.
        rowButton(REASON, "Move").click();
        browser.visible("move-dialog");
        setValue(browser, "move-start", later.toString());
        browser.visible("move-reason").sendKeys("The room is busy until then (synthetic)");
        browser.checkLayout("move-dialog");
        browser.click("move-save");
        untilAnnounced("Session moved");
        browser.until("the row says where it came from", d -> d.findElement(By.id("sessions")).getText()
                .contains("Moved from"));
        JsonObject moved = admin.get("/api/sessions/" + added.getString("id")).json();
        assertThat(moved.getString("originalStartsAt")).isEqualTo(added.getString("startsAt"));
        assertThat(moved.getString("startLocalTime")).startsWith(later.toString());

        // A make-up guest from another program: on the roster, counted toward their own program.
        rowButton(REASON, "Guests").click();
        browser.visible("guests-dialog");
        // Offered once the page has read the patients, as "record name (chosen name)": the server gave this one the
        // first word of the record's name as the name the group sees.
        browser.until("the guest is offered", d -> d.findElements(By.cssSelector(
                "#guest-patient option[value='" + guest + "']")).size() == 1);
        new Select(browser.visible("guest-patient")).selectByValue(guest);
        browser.visible("guest-reason").sendKeys("Missed her own group's Monday (synthetic)");
        browser.click("guest-add");
        untilAnnounced("added as a make-up guest");
        browser.untilText("guest-list", guestName);
        browser.checkLayout("guest-added");
        JsonObject guests = admin.get("/api/sessions/" + added.getString("id") + "/guests").json();
        assertThat(guests.getInt("total")).isEqualTo(1);
        assertThat(guests.getJsonArray("items").getJsonObject(0).getString("programId")).isEqualTo(otherProgram);
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
