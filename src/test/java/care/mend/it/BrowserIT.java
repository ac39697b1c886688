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
import java.util.ArrayList;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The three pages in a real browser against the real server and Keycloak: a facilitator and two patients in separate
 * Chromium sessions sign in through Keycloak's form, the patients check their devices, say where they are and wait,
 * the facilitator admits them, everyone sees everyone, a raised hand and an audio-only switch reach the facilitator,
 * one patient's link drops and comes back by itself, the session ends, is signed and one line amended, and the
 * supervisor's dashboard shows the rows (the amended one with both values) and serves the exports. There is no media server yet: every page must say so and carry on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    static final String AMENDMENT_REASON = "Left for a medical appointment (synthetic)";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return MendDeployment.war();
    }

    @ArquillianResource
    URL url;

    private URL base;
    private Api api;
    private final List<Browser> browsers = new ArrayList<>();

    /**
     * A group meeting now, at a site of its own that the supervisor oversees. {@code patientNames} are the records'
     * display names, {@code chosenNames} what the group calls the same patients, in the same order.
     */
    record LiveGroup(String siteName, String programName, String groupName, String sessionId, List<String> patientNames,
            List<String> chosenNames, String programId) {
    }

    /** The names staff give the patients of a live group for the group, in order. */
    private static final List<String> CHOSEN_NAMES = List.of("Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ines",
            "Jo", "Kai", "Lu");

    @BeforeEach
    void setUp() throws Exception {
        Browser.requireChromium();
        // The deployment URL may name the host as WildFly bound it; the allowed origins name 127.0.0.1.
        base = new URL("http://127.0.0.1:" + System.getProperty("mend.it.http.port") + "/");
        api = Api.of(url);
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(Browser::close);
    }

    private Browser browser(String name) {
        return browser(name, Browser.Devices.FAKE);
    }

    private Browser browser(String name, Browser.Devices devices) {
        Browser browser = Browser.open(name, devices);
        browsers.add(browser);
        return browser;
    }

    private LiveGroup liveGroup() {
        return liveGroup(5, 6);
    }

    private LiveGroup liveGroup(int... patients) {
        return liveGroup(false, patients);
    }

    /**
     * A group meeting now; {@code checkIn}: whether its program asks the check-in at join (the other tests' patients
     * go from "How you join" straight to the waiting room, as in a program that asks none).
     */
    private LiveGroup liveGroup(boolean checkIn, int... patients) {
        return liveGroup(checkIn, true, java.util.Arrays.stream(patients).mapToObj(DemoIdentities::patient).toList());
    }

    /**
     * As above, for patients by subject; {@code consent}: whether the program's consent texts are published and
     * accepted by them through the API (the consent test leaves both to the pages).
     */
    private LiveGroup liveGroup(boolean checkIn, boolean consent, List<String> patients) {
        Api admin = api.as("admin");
        AccessFixture.on(api); // the supervisor's and facilitator's staff records
        ZoneId zone = ZoneId.of("UTC");
        LocalTime nowUtc = ZonedDateTime.now(zone).toLocalTime();
        if (!(nowUtc.isAfter(LocalTime.of(0, 30)) && nowUtc.isBefore(LocalTime.of(20, 30)))) {
            zone = ZoneId.of("Asia/Tokyo"); // so that three hours from ten minutes ago stay within one day
        }
        ZonedDateTime now = ZonedDateTime.now(zone);
        LocalDate today = now.toLocalDate();
        LocalTime start = now.toLocalTime().minusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String siteName = "Browser Site " + tag;
        String site = AccessFixture.id(admin.post("/api/sites", AccessFixture.site(siteName)));
        String programName = "Browser IOP " + tag;
        String program = AccessFixture.id(admin.post("/api/programs", """
                {"siteId":"%s","name":"%s","kind":"MENTAL_HEALTH_IOP","requiredSessions":24,
                 "plannedSessionsPerWeek":3,"plannedSessionMinutes":180}""".formatted(site, programName)));
        HttpResult asked = admin.put("/api/programs/" + program, """
                {"name":"%s","requiredSessions":24,"plannedSessionsPerWeek":3,"plannedSessionMinutes":180,
                 "minimumWeeklyMinutes":540,"checkInEnabled":%s}""".formatted(programName, checkIn));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        String facilitator = staffId(admin, DemoIdentities.FACILITATOR);
        // The patients pick Tennessee at the location step (pickState): inside the facilitator's licensure, so that
        // they are admitted as ever; SafetyIT covers the patients outside it.
        HttpResult licensed = admin.put("/api/staff/" + facilitator + "/licensed-states",
                "{\"states\":[\"" + PATIENTS_STATE + "\"]}");
        assertThat(licensed.status()).as(licensed.toString()).isEqualTo(200);
        String supervisor = staffId(admin, DemoIdentities.SUPERVISOR);
        assertThat(admin.post("/api/staff/" + supervisor + "/sites", "{\"siteId\":\"" + site + "\"}").status())
                .isEqualTo(200);
        String groupName = "Browser Group " + tag;
        String group = AccessFixture.id(admin.post("/api/groups", """
                {"name":"%s","programId":"%s","capacity":12,
                 "schedule":{"timeZone":"%s","slots":[
                   {"dayOfWeek":"%s","startTime":"%s","lengthMinutes":180}]},
                 "facilitatorIds":["%s"]}""".formatted(groupName, program, zone.getId(), today.getDayOfWeek(), start,
                facilitator)));
        List<String> patientNames = new ArrayList<>();
        List<String> chosenNames = new ArrayList<>();
        for (String subject : patients) {
            JsonObject record = patientRecord(admin, subject, "Browser Patient " + (patientNames.size() + 1));
            String patient = record.getString("id");
            patientNames.add(record.getString("displayName"));
            // Staff set the name the group sees (an earlier test, or the patient, may have changed it).
            String chosen = CHOSEN_NAMES.get(chosenNames.size());
            JsonObject contact = record.getJsonObject("emergencyContact");
            HttpResult named = admin.put("/api/patients/" + patient, """
                    {"displayName":"%s","chosenName":"%s","emergencyContact":{"name":"%s","phone":"%s"}}"""
                    .formatted(record.getString("displayName"), chosen, contact.getString("name"),
                            contact.getString("phone")));
            assertThat(named.status()).as(named.toString()).isEqualTo(200);
            chosenNames.add(chosen);
            AccessFixture.id(admin.post("/api/enrollments", "{\"patientId\":\"%s\",\"programId\":\"%s\",\"startDate\":\"%s\"}"
                    .formatted(patient, program, today.minusDays(1))));
            AccessFixture.id(admin.post("/api/groups/" + group + "/memberships",
                    "{\"patientId\":\"%s\",\"fromDate\":\"%s\"}".formatted(patient, today.minusDays(1))));
        }
        HttpResult generated = admin.post("/api/groups/" + group + "/sessions/generate",
                "{\"from\":\"%s\",\"to\":\"%s\"}".formatted(today, today));
        assertThat(generated.status()).as(generated.toString()).isIn(200, 201);
        String session = generated.json().getJsonArray("created").getJsonObject(0).getString("id");
        if (consent) {
            Consent.giveAll(admin, program, patients);
        }
        return new LiveGroup(siteName, programName, groupName, session, List.copyOf(patientNames),
                List.copyOf(chosenNames), program);
    }

    private static String staffId(Api admin, String subject) {
        return admin.get("/api/staff?idpSubject=" + subject).json().getJsonArray("items").getJsonObject(0)
                .getString("id");
    }

    /**
     * The patient's record, made if missing. Other integration tests use the same demo identities and may have made
     * it first (the order of test classes differs between machines), so callers use the name the record carries.
     */
    private static JsonObject patientRecord(Api admin, String subject, String displayName) {
        JsonObject found = admin.get("/api/patients?idpSubject=" + subject).json();
        if (found.getInt("total") > 0) {
            return found.getJsonArray("items").getJsonObject(0);
        }
        HttpResult created = admin.post("/api/patients", """
                {"idpSubject":"%s","displayName":"%s",
                 "emergencyContact":{"name":"Browser Contact","phone":"+1 555 0100"}}""".formatted(subject, displayName));
        assertThat(created.status()).as(created.toString()).isIn(200, 201);
        return created.json();
    }

    // ---- steps ----

    private void patientChecksDevicesAndWaits(Browser patient, LiveGroup live, String where) {
        patientChecksDevicesAndWaits(patient, live, where, null);
    }

    /**
     * As a patient would, up to the waiting room; {@code newName}, when given, replaces the chosen name offered in the
     * pre-join step (the one staff set) before joining.
     */
    private void patientChecksDevicesAndWaits(Browser patient, LiveGroup live, String where, String newName) {
        patient.signIn(base, "patient.html", patient.name);
        patientPassesTheCheck(patient, live, where, newName);
        patient.visible("waiting");
        patient.untilText("waiting-message", "Your facilitator");
    }

    /** Picks the live group's session among today's (other tests' groups meet today too). */
    /** The state every patient of these tests says they are in, and the one the demo facilitator is licensed in. */
    private static final String PATIENTS_STATE = "TN";

    /** Picks the state beside the location (the list comes from the server: wait for it). */
    private static void pickState(Browser patient) {
        patient.until("the states are listed", d -> !patient.driver.findElements(
                By.cssSelector("#jurisdiction option[value='US-" + PATIENTS_STATE + "']")).isEmpty());
        new Select(patient.driver.findElement(By.id("jurisdiction"))).selectByValue("US-" + PATIENTS_STATE);
    }

    private static void chooseSession(Browser patient, LiveGroup live) {
        patient.click(By.xpath("//div[@id='session-options']/label[starts-with(normalize-space(.), '"
                + live.groupName() + ",')]/input"));
    }

    private void patientPassesTheCheck(Browser patient, LiveGroup live, String where, String newName) {
        patient.visible("check");
        chooseSession(patient, live);

        // One step at a time: where they are and how they join come after the device check.
        assertThat(patient.driver.findElement(By.id("step-location")).isDisplayed()).isFalse();
        assertThat(patient.driver.findElement(By.id("join")).isDisplayed()).isFalse();

        patient.click("start-check");
        patient.visible("device-controls");
        patient.until("the camera preview plays",
                d -> (Boolean) patient.script("return document.getElementById('preview').videoWidth > 0"));
        patient.until("the microphone level moves",
                d -> (Boolean) patient.script("return document.getElementById('mic-level').value > 0"));
        assertThat(new Select(patient.driver.findElement(By.id("camera"))).getOptions()).isNotEmpty();
        assertThat(new Select(patient.driver.findElement(By.id("microphone"))).getOptions()).isNotEmpty();

        // Where they are is required, and said before joining.
        patient.click("location-next");
        patient.untilText("location-error", "say where you are");
        assertThat(patient.driver.findElement(By.id("location")).getAttribute("aria-invalid")).isEqualTo("true");
        patient.checkLayout("device-check");
        patient.driver.findElement(By.id("location")).sendKeys(where);
        // The state is required beside it.
        patient.click("location-next");
        patient.untilText("jurisdiction-error", "pick the state");
        pickState(patient);
        patient.click("location-next");
        patient.visible("join");

        // The name the group will see is offered as staff set it (or as the patient last chose it).
        WebElement chosenName = patient.visible("chosen-name");
        patient.until("the chosen name is offered", d -> !chosenName.getAttribute("value").isBlank());
        if (newName != null) {
            chosenName.clear();
            patient.click("join");
            patient.untilText("chosen-name-error", "name the group will call you");
            chosenName.sendKeys(newName);
        }
        patient.click("join");
    }

    /**
     * The patient's page is reloaded in the room: the patient goes through the check again and takes their own seat
     * back at once (the same participant), without a new admission.
     */
    private void patientReloadsAndIsBackInTheRoom(Browser patient, LiveGroup live) {
        patient.driver.navigate().refresh();
        patientPassesTheCheck(patient, live, "home", null);
        patient.visible("room");
    }

    private void facilitatorAdmitsTheNextPatient(Browser facilitator, Browser patient) {
        int before = publishers();
        facilitator.click(By.cssSelector("#waiting-list li button[aria-label^='Admit']"));
        patient.visible("room");
        mediaReachesTheServer(before + 1);
    }

    /** The facilitator sees who is waiting by name, and admits that person by name. */
    private void facilitatorAdmitsByName(Browser facilitator, Browser patient, String name) {
        facilitator.untilText("waiting-list", name + " is waiting");
        int before = publishers();
        facilitator.click(By.cssSelector("#waiting-list li button[aria-label='Admit " + name + "']"));
        // The row goes when the room's update arrives (the list is patched in place), not at the click.
        facilitator.until(name + " is no longer waiting", ExpectedConditions.numberOfElementsToBe(By.cssSelector(
                "#waiting-list li button[aria-label='Decline " + name + "']"), 0));
        patient.visible("room");
        mediaReachesTheServer(before + 1);
    }

    /** The element's text; tiles are drawn again on every room update, so it is read from a fresh lookup. */
    private static String textOf(Browser browser, By by) {
        return browser.until("the text of " + by, d -> {
            try {
                return d.findElement(by).getText();
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    private static String attributeOf(Browser browser, By by, String attribute) {
        return browser.until(attribute + " of " + by, d -> {
            try {
                return d.findElement(by).getAttribute(attribute);
            } catch (StaleElementReferenceException redrawn) {
                return null;
            }
        });
    }

    /** The tile whose name is {@code name}, exactly. */
    private static By tileNamed(String name) {
        return By.xpath("//ul[@id='tiles']/li[p[contains(concat(' ', @class, ' '), ' name ') and normalize-space(.)="
                + "'" + name + "']]");
    }

    /**
     * Publishing endpoints on the Kurento stand-in, each made from a page's real RTCPeerConnection offer: those the
     * server capped for what they receive from a browser (a subscriber's cap is on what it sends).
     */
    private static int publishers() {
        return (int) IntegrationEnvironment.kurento().liveObjects("WebRtcEndpoint").stream()
                .filter(endpoint -> endpoint.properties().containsKey("maxVideoRecvBandwidth")).count();
    }

    /** The page's offer reached the media server and was answered: there are at least that many publishers. */
    private static void mediaReachesTheServer(int publishers) {
        care.mend.media.Eventually.until(java.time.Duration.ofSeconds(45), () -> publishers() >= publishers);
    }

    private static void tilesCount(Browser browser, int count) {
        browser.until(count + " tiles", ExpectedConditions.numberOfElementsToBe(By.cssSelector("#tiles > li"), count));
    }

    private static By tile(String flag, boolean value) {
        return By.cssSelector("#tiles > li[data-role='PATIENT'][data-" + flag + "='" + value + "']");
    }

    /**
     * The realm asks every staff role for a one-time code after the password (a facilitator's here, computed from the
     * demo authenticator's documented secret), and a patient without an authenticator for none.
     */
    @Test
    void aFacilitatorSignsInWithPasswordAndOneTimeCode() {
        Browser facilitator = browser("otp-facilitator");
        try {
            facilitator.driver.get(base + "app/facilitator.html");
            facilitator.visible("username").sendKeys("facilitator");
            facilitator.driver.findElement(By.id("password")).sendKeys("demo-facilitator");
            facilitator.click("kc-login");
            // The password alone does not sign a facilitator in: Keycloak asks for the code.
            facilitator.visible("otp");
            assertThat(facilitator.driver.getCurrentUrl()).doesNotStartWith(base + "app/");
            facilitator.enterOneTimeCode("facilitator", Totp.demoSecret("facilitator"));
            facilitator.until("on the facilitator's page",
                    d -> d.getCurrentUrl().startsWith(base + "app/facilitator.html"));
        } catch (Throwable failure) {
            facilitator.screenshot("FAILED");
            throw failure;
        }
        Browser patient = browser("otp-patient");
        try {
            patient.driver.get(base + "app/patient.html");
            patient.visible("username").sendKeys("patient1");
            patient.driver.findElement(By.id("password")).sendKeys("demo-patient1");
            patient.click("kc-login");
            patient.until("on the patient's page without a code",
                    d -> d.getCurrentUrl().startsWith(base + "app/patient.html"));
        } catch (Throwable failure) {
            patient.screenshot("FAILED");
            throw failure;
        }
    }

    @Test
    void aWholeSessionThroughThePages() throws Exception {
        LiveGroup live = liveGroup();
        Browser facilitator = browser("facilitator");
        Browser first = browser("patient5");
        Browser second = browser("patient6");
        try {
            facilitator.signIn(base, "facilitator.html", "facilitator");
            By openRoom = By.cssSelector("#session-list button[aria-label='Open room: " + live.groupName() + "']");
            facilitator.visible(openRoom);
            facilitator.checkLayout("sessions");
            facilitator.click(openRoom);
            int publishersBefore = publishers();
            facilitator.visible("room");
            mediaReachesTheServer(publishersBefore + 1);

            // The group calls the first patient by the name staff chose; the second picks another before joining.
            String ana = live.chosenNames().get(0);
            String benny = "Benny";
            patientChecksDevicesAndWaits(first, live, "home");
            first.checkLayout("waiting");
            facilitator.visible(By.cssSelector("#waiting-list li"));
            facilitator.untilText("waiting-list", ana + " is waiting");
            facilitator.untilText("waiting-list", live.patientNames().get(0)); // the record, for the facilitator
            facilitator.checkLayout("room-waiting");
            facilitatorAdmitsByName(facilitator, first, ana);

            patientChecksDevicesAndWaits(second, live, "my sister's home", benny);
            facilitatorAdmitsByName(facilitator, second, benny);

            // Everyone sees everyone, by name: the facilitator and both patients.
            for (Browser browser : List.of(facilitator, first, second)) {
                tilesCount(browser, 3);
            }
            first.until("the facilitator's tile", ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#tiles > li[data-role='FACILITATOR']")));
            String facilitatorName = api.as("admin").get("/api/staff?idpSubject=" + DemoIdentities.FACILITATOR).json()
                    .getJsonArray("items").getJsonObject(0).getString("displayName");
            assertThat(textOf(facilitator, tileNamed(ana))).contains(live.patientNames().get(0)); // the record
            facilitator.visible(By.xpath("//ul[@id='tiles']/li[@data-participant-id][.//button[@aria-label='Remove "
                    + ana + " from the room']]"));
            facilitator.visible(By.xpath("//ul[@id='tiles']/li[@data-participant-id][.//button[@aria-label='Remove "
                    + ana + " and bar them for this session']]"));
            facilitator.visible(tileNamed(benny));
            facilitator.visible(tileNamed(facilitatorName + " (you)"));
            first.visible(tileNamed(ana + " (you)"));
            first.visible(tileNamed(benny));
            assertThat(textOf(first, tileNamed(facilitatorName))).contains("Facilitator");
            // No other patient's record reaches a patient's page.
            assertThat(textOf(first, By.id("tiles"))).doesNotContain(live.patientNames().get(1));
            String anaId = attributeOf(facilitator, tileNamed(ana), "data-participant-id");

            // A raised hand and an audio-only switch reach the facilitator's tiles.
            first.click("hand");
            facilitator.visible(tile("hand-raised", true));
            first.until("the hand button says lower", ExpectedConditions.attributeToBe(By.id("hand"),
                    "aria-pressed", "true"));
            second.click("audio-only");
            facilitator.visible(tile("audio-only", true));
            second.until("audio only is on", ExpectedConditions.attributeToBe(By.id("audio-only"),
                    "aria-pressed", "true"));

            // A message type this page does not know is logged loudly, and the page carries on.
            second.receive("{\"type\":\"somethingNew\"}");
            second.until("the unknown type is logged as an error", d -> second.consoleErrors().stream()
                    .anyMatch(m -> m.contains("UNKNOWN message type") && m.contains("somethingNew")));

            // The live attendance panel lists both patients.
            facilitator.until("two attendance rows", ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("#attendance tbody tr"), 2));
            facilitator.untilText("attendance", live.patientNames().get(0));
            facilitator.untilText("attendance", live.patientNames().get(1));
            facilitator.untilText("attendance", "my sister's home"); // where the patient said they are
            facilitator.checkLayout("room");
            first.checkLayout("room");
            second.checkLayout("room");

            // The first patient's link drops: the page says so, the others see the seat held; it comes back alone.
            first.script("window.__notReloaded = true");
            first.dropNetwork();
            first.untilText("connection", "Reconnecting");
            facilitator.visible(tile("reconnecting", true));
            first.screenshot("reconnecting");
            facilitator.screenshot("patient-reconnecting");
            first.restoreNetwork();
            first.until("the reconnecting note is gone", ExpectedConditions.textToBe(By.id("connection"), ""));
            facilitator.until("nobody is reconnecting", ExpectedConditions.numberOfElementsToBe(
                    tile("reconnecting", true), 0));
            assertThat(first.script("return window.__notReloaded === true")).isEqualTo(true);
            assertThat(first.driver.findElement(By.id("room")).isDisplayed()).isTrue();
            tilesCount(first, 3);
            facilitator.visible(tile("hand-raised", true)); // the hand was kept across the drop

            // A reload: the patient takes the seat back, and the facilitator still sees the same person by name.
            patientReloadsAndIsBackInTheRoom(first, live);
            tilesCount(facilitator, 3);
            facilitator.until(ana + "'s tile is the same participant", d -> anaId.equals(
                    attributeOf(facilitator, tileNamed(ana), "data-participant-id")));
            facilitator.visible(tileNamed(benny));
            first.visible(tileNamed(ana + " (you)"));

            // The end, for everyone; then the sign-off.
            facilitator.click("end");
            facilitator.click("confirm-yes");
            for (Browser patient : List.of(first, second)) {
                patient.visible("ended");
                patient.untilText("ended-message", "The group has ended. Thank you for coming.");
                assertThat(patient.driver.findElement(By.id("rejoin")).isDisplayed()).isFalse();
            }
            first.checkLayout("ended");
            facilitator.visible("signoff");
            facilitator.until("sign-off is possible", ExpectedConditions.elementToBeClickable(By.id("sign")));
            facilitator.untilText("sheet", live.patientNames().get(0));
            facilitator.checkLayout("signoff");
            facilitator.click("sign");
            facilitator.untilText("signoff-status", "Attendance signed");
            facilitator.screenshot("signed");

            // An amendment from the signed sheet (status only: the minutes, and so their split, stay): the line shows
            // both values, and its explanation the reason.
            facilitator.click(By.cssSelector("#sheet button[id^='amend-']"));
            facilitator.visible("amend-form");
            new Select(facilitator.driver.findElement(By.id("amend-status"))).selectByValue("EXCUSED");
            facilitator.driver.findElement(By.id("amend-reason")).sendKeys(AMENDMENT_REASON);
            facilitator.screenshot("amend-form");
            facilitator.click("amend-save");
            facilitator.untilText("signoff-status", "is amended");
            facilitator.untilText("sheet", "Excused (was ");
            facilitator.untilText("sheet", "Reason: " + AMENDMENT_REASON);
            facilitator.checkLayout("amended");

            for (Browser browser : List.of(facilitator, first, second)) {
                assertThat(browser.consoleErrors()).as(browser.name + " console errors")
                        .filteredOn(message -> !message.contains("somethingNew"))
                        .noneMatch(message -> message.contains("mend"));
            }
        } catch (Throwable failure) {
            browsers.forEach(b -> b.screenshot("FAILED"));
            throw failure;
        }

        Browser supervisor = browser("supervisor");
        try {
            supervisor.signIn(base, "supervisor.html", "supervisor");
            supervisor.until("the site is offered", ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//select[@id='site']/option[starts-with(., '" + live.siteName() + "')]")));
            new Select(supervisor.driver.findElement(By.id("site"))).selectByVisibleText(live.siteName() + " (Jackson)");
            new Select(supervisor.driver.findElement(By.id("program"))).selectByVisibleText(live.programName());
            // The group meets in Tokyo when the run is late in the UTC day (so that its three hours stay in one day):
            // its session's date is then tomorrow for a browser on UTC, past the dashboard's default end.
            supervisor.script("document.getElementById('to').value = arguments[0]",
                    LocalDate.now(ZoneId.of("UTC")).plusDays(2).toString());
            supervisor.click("apply");
            supervisor.until("two signed rows", ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("#report tbody tr"), 2));
            supervisor.untilText("report", live.patientNames().get(0));
            supervisor.untilText("report", live.patientNames().get(1));
            supervisor.untilText("report", "my sister's home");
            supervisor.untilText("report", "Excused (was ");
            supervisor.untilText("report", AMENDMENT_REASON);
            supervisor.visible(By.cssSelector("#rate-chart svg"));
            supervisor.visible(By.cssSelector("#audio-chart svg"));
            supervisor.visible(By.cssSelector("#progress-chart svg"));
            supervisor.until("access-log rows", ExpectedConditions.numberOfElementsToBeMoreThan(
                    By.cssSelector("#audit tbody tr"), 0));
            supervisor.untilText("unsigned-status", "session");

            // The downloads carry the filters and are served to the signed-in page.
            String csv = download(supervisor, "csv");
            assertThat(csv).contains(live.patientNames()).contains(AMENDMENT_REASON);
            assertThat(download(supervisor, "fhir")).contains("\"resourceType\"").contains("Bundle");
            supervisor.checkLayout("dashboard");
            assertThat(supervisor.consoleErrors()).noneMatch(message -> message.contains("mend"));

            // Signing out ends both Mend's page session and Keycloak's: the next page asks for the password.
            supervisor.click(By.linkText("Sign out"));
            supervisor.click("kc-logout"); // Keycloak confirms a sign-out that carries no ID token
            supervisor.until("back on Mend's front page", d -> d.getCurrentUrl().startsWith(base.toString())
                    && !d.getCurrentUrl().contains("/app/"));
            supervisor.driver.get(base + "app/supervisor.html");
            supervisor.visible("username");
        } catch (Throwable failure) {
            supervisor.screenshot("FAILED");
            throw failure;
        }
    }

    /** The label of the element that has the keyboard focus on the page. */
    private static String focusedLabel(Browser browser) {
        return (String) browser.script("return document.activeElement && document.activeElement.getAttribute('aria-label')");
    }

    /**
     * The facilitator's controls as a facilitator uses them, at both widths: after admitting the first of two
     * waiting patients the focus is on the next one's Admit button (the lists change in place), and Enter there
     * admits her; "Remove from room" lets the patient back through the waiting room; "Remove and bar" asks first
     * and keeps the patient out; at sign-off, on a phone, a patient with minutes (a partial stay) is excused with a
     * reason, and keeps the minutes.
     */
    @Test
    void facilitatorControlsKeepFocusRemoveWithOrWithoutBarAndExcuseAPartialStay() throws Exception {
        LiveGroup live = liveGroup(5, 6);
        Browser facilitator = browser("facilitator");
        Browser first = browser("patient5");
        Browser second = browser("patient6");
        String ana = live.chosenNames().get(0);
        String ben = live.chosenNames().get(1);
        try {
            facilitator.signIn(base, "facilitator.html", "facilitator");
            By openRoom = By.cssSelector("#session-list button[aria-label='Open room: " + live.groupName() + "']");
            facilitator.visible(By.xpath("//ul[@id='session-list']/li[.//button[@aria-label='Open room: "
                    + live.groupName() + "']]//span[@class='badge' and normalize-space(.)='Starting']"));
            facilitator.click(openRoom);
            facilitator.visible("room");
            patientChecksDevicesAndWaits(first, live, "home");
            patientChecksDevicesAndWaits(second, live, "home");
            facilitator.untilText("waiting-list", ana + " is waiting");
            facilitator.untilText("waiting-list", ben + " is waiting");
            // Said once in the page's one live region (visually hidden, so read as the DOM has it).
            facilitator.until("the arrivals are announced", d -> String.valueOf(facilitator.script(
                    "return document.getElementById('announcer').textContent")).contains("waiting"));

            // Admit the first: the focus moves to the next one's Admit button, and Enter admits him.
            By admitAna = By.cssSelector("#waiting-list button[aria-label='Admit " + ana + "']");
            facilitator.click(admitAna);
            first.visible("room");
            facilitator.until("the focus is on the next Admit button", d -> ("Admit " + ben).equals(
                    focusedLabel(facilitator)));
            facilitator.driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ENTER);
            second.visible("room");
            tilesCount(facilitator, 3);
            facilitator.checkLayout("room-two-admitted");

            // Remove from the room, without barring: he may come back through the waiting room.
            facilitator.click(By.cssSelector("#tiles button[aria-label='Remove " + ben + " from the room']"));
            second.visible("done");
            second.untilText("done-message", "You can join again");
            facilitator.untilText("room-notice", "can come back through the waiting room");
            second.click("rejoin");
            second.visible("check");
            second.click("join");
            second.visible("waiting");
            facilitatorAdmitsByName(facilitator, second, ben);

            // A minute in the room, so that her line has minutes; the live panel shows them.
            String anaPatient = attributeOf(facilitator, tileNamed(ana), "data-patient-id");
            new org.openqa.selenium.support.ui.WebDriverWait(facilitator.driver, java.time.Duration.ofSeconds(150))
                    .withMessage("a minute of presence in the live panel").until(d -> {
                        Object minutes = facilitator.script("const c = document.querySelector("
                                + "\"#attendance tr[data-patient-id='\" + arguments[0] + \"'] td:nth-of-type(3)\");"
                                + " return c ? parseInt(c.textContent, 10) : 0", anaPatient);
                        return minutes instanceof Number n && n.intValue() >= 1;
                    });

            // Remove and bar: asked first, by name; she is out for this session.
            facilitator.click(By.cssSelector("#tiles button[aria-label='Remove " + ana
                    + " and bar them for this session']"));
            facilitator.untilText("confirm-text", ana + " will not be able to come back");
            facilitator.screenshot("confirm-bar");
            facilitator.click("confirm-yes");
            first.visible("done");
            first.untilText("done-message", "removed you from this session");
            assertThat(first.driver.findElement(By.id("rejoin")).isDisplayed()).isFalse();
            facilitator.untilText("attendance", "Removed and barred");

            // The end; the sign-off on a phone: her partial stay is excused with a reason and keeps its minutes.
            facilitator.click("end");
            facilitator.click("confirm-yes");
            facilitator.visible("signoff");
            facilitator.until("sign-off is possible", ExpectedConditions.elementToBeClickable(By.id("sign")));
            facilitator.driver.manage().window().setSize(Browser.PHONE);
            String row = "//table[@id='sheet']//tr[@data-patient-id='" + anaPatient + "']";
            WebElement excuse = facilitator.visible(By.xpath(row + "//input[@type='checkbox']"));
            assertThat(facilitator.driver.findElement(By.xpath(row + "//td[1]")).getText()).isEqualTo("Partial");
            excuse.click();
            WebElement reason = facilitator.visible(By.xpath(row + "//input[@type='text']"));
            assertThat(facilitator.driver.switchTo().activeElement()).isEqualTo(reason);
            reason.sendKeys("Left for a documented medical appointment (synthetic)");
            // Found afresh: the sheet's rows are patched in place when the server's sheet is read again.
            for (By control : List.of(By.xpath(row + "//input[@type='checkbox']"), By.xpath(row
                    + "//input[@type='text']"), By.id("sign"))) {
                assertThat((Boolean) facilitator.script("const r = arguments[0].getBoundingClientRect();"
                        + " return r.left >= 0 && r.right <= document.documentElement.clientWidth",
                        facilitator.driver.findElement(control)))
                        .as("the excuse controls are on screen at 390").isTrue();
            }
            facilitator.screenshot("signoff-excuse-390");
            facilitator.checkLayout("signoff-excuse");
            facilitator.driver.manage().window().setSize(Browser.PHONE);
            facilitator.click("sign");
            facilitator.untilText("signoff-status", "Attendance signed");
            String line = facilitator.driver.findElement(By.xpath(row)).getText();
            assertThat(line).contains("Excused").contains("documented medical appointment").doesNotContain(" 0 min");
            facilitator.checkLayout("signed-excused");

            for (Browser browser : List.of(facilitator, first, second)) {
                assertThat(browser.consoleErrors()).as(browser.name + " console errors")
                        .noneMatch(message -> message.contains("mend"));
            }
        } catch (Throwable failure) {
            browsers.forEach(b -> b.screenshot("FAILED-controls"));
            throw failure;
        }
    }

    /** The page's peer connections by name ({@code publisher}, {@code subscriber:<id>}, {@code grid}). */
    @SuppressWarnings("unchecked")
    private static List<String> connections(Browser page) {
        return (List<String>) page.script("return window.mendDiagnostics.media.connections().map(c => c.key)");
    }

    private static void connectionsAre(Browser page, String what, java.util.function.Predicate<List<String>> wanted) {
        page.until(page.name + ": " + what, d -> wanted.test(connections(page)));
    }

    private static long subscribers(List<String> keys) {
        return keys.stream().filter(k -> k.startsWith("subscriber:")).count();
    }

    /** How many times the page was told {@code code}, and how many messages it sent. */
    private static long refusals(Browser page, String code) {
        return ((Number) page.script("return window.mendDiagnostics.signaling.stats.errors[arguments[0]] || 0", code))
                .longValue();
    }

    private static long sent(Browser page) {
        return ((Number) page.script("return window.mendDiagnostics.signaling.stats.sent")).longValue();
    }

    private static long processOffers() {
        return IntegrationEnvironment.kurento().calls().stream().filter(c -> "processOffer".equals(c.detail())).count();
    }

    /**
     * Media in real pages through faults, as a real KMS showed them: the room opens while the media server is down
     * and media starts when it answers; six people (two pages and four signaling clients with recorded Chromium
     * offers) see each other; every peer connection uses the ICE servers of its socket's welcome; camera off takes
     * the track off the sender; the media server dies and comes back mid-session and every page renegotiates by
     * itself, without a reload and without ever being rate limited; low bandwidth receives the grid; audio only
     * receives no video.
     */
    @Test
    void mediaInThePagesComesBackAfterEveryFaultWithoutAReload() throws Exception {
        care.mend.media.kurento.standin.KurentoStandIn kms = IntegrationEnvironment.kurento();
        LiveGroup live = liveGroup(7, 9, 10, 11, 12);
        String sendonly = java.nio.file.Files.readString(care.mend.media.kurento.standin.KurentoRecordings.dir("sdp")
                .resolve("chromium-offer-03-sfu-two-publishers-1.sdp"));
        Browser facilitator = browser("facilitator");
        Browser patient = browser("patient7");
        List<SignalingClient> others = new ArrayList<>();
        try {
            // The media server is down when the room opens: the page says so, retries, and media starts when the
            // media server answers, with no reload.
            kms.stop();
            facilitator.signIn(base, "facilitator.html", "facilitator");
            By openRoom = By.cssSelector("#session-list button[aria-label='Open room: " + live.groupName() + "']");
            facilitator.click(openRoom);
            facilitator.visible("room");
            facilitator.untilText("media-note", "Reconnecting audio and video");
            kms.restart();
            mediaReachesTheServer(1);
            facilitator.until("the note is cleared", ExpectedConditions.not(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("media-note"), "Reconnecting")));

            patientChecksDevicesAndWaits(patient, live, "home");
            facilitatorAdmitsTheNextPatient(facilitator, patient);
            for (int n : new int[] {9, 10, 11, 12}) {
                SignalingClient other = SignalingClient.connect(api, "patient" + n);
                others.add(other);
                other.join(live.sessionId(), "j");
                facilitator.click(By.cssSelector("#waiting-list li button[aria-label^='Admit']"));
                other.await("admitted");
                other.send("{\"type\":\"publish\",\"requestId\":\"p\",\"sdpOffer\":%s}".formatted(
                        new com.google.gson.JsonPrimitive(sendonly)));
                assertThat(other.reply("p").getString("type")).isEqualTo("sdpAnswer");
            }
            // Six people: each page publishes and receives the five others.
            for (Browser page : List.of(facilitator, patient)) {
                connectionsAre(page, "a publisher and five subscriptions", keys -> keys.contains("publisher")
                        && subscribers(keys) == 5);
                tilesCount(page, 6);
            }

            // Every peer connection uses the STUN and TURN servers of the page's welcome, credential included.
            // (Read once all six are there again: a subscription may be between two negotiations at any moment.)
            for (Browser page : List.of(facilitator, patient)) {
                String iceServers = "return window.mendDiagnostics.media.connections()"
                        + ".map(c => c.pc.getConfiguration().iceServers)";
                page.until(page.name + ": six peer connections", d -> ((List<?>) page.script(iceServers)).size() == 6);
                @SuppressWarnings("unchecked")
                List<List<java.util.Map<String, Object>>> servers = (List<List<java.util.Map<String, Object>>>)
                        page.script(iceServers);
                assertThat(servers).hasSize(6).allSatisfy(list -> {
                    assertThat(list).anySatisfy(server -> assertThat(server.get("urls").toString()).contains("stun:"));
                    assertThat(list).anySatisfy(server -> {
                        assertThat(server.get("urls").toString()).contains("turn:");
                        assertThat((String) server.get("username")).contains(":");
                        assertThat((String) server.get("credential")).isNotBlank();
                    });
                });
            }

            // Camera off takes the track off the video sender: the media server sees no video, not black frames.
            // (-1 while the page has no publisher: a poll may fall between two negotiations.)
            String videoTrack = "const p = window.mendDiagnostics.media.connections().find(c => c.key === 'publisher');"
                    + " return p ? p.pc.getSenders().filter(s => s.track && s.track.kind === 'video').length : -1";
            assertThat(((Number) facilitator.script(videoTrack)).intValue()).isOne();
            facilitator.click("camera-toggle");
            facilitator.until("no video track is sent", d -> ((Number) facilitator.script(videoTrack)).intValue() == 0);
            facilitator.click("camera-toggle");
            facilitator.until("the camera is sent again", d -> ((Number) facilitator.script(videoTrack)).intValue() == 1);

            // The media server dies mid-session and comes back: every page renegotiates by itself.
            long sentBefore = sent(facilitator);
            long patientSentBefore = sent(patient);
            kms.stop();
            for (Browser page : List.of(facilitator, patient)) {
                page.untilText("media-note", "Reconnecting audio and video");
            }
            for (SignalingClient other : others) {
                other.await("mediaInterrupted");
            }
            kms.clearCalls();
            kms.restart();
            for (SignalingClient other : others) {
                other.await("renegotiate");
                other.send("{\"type\":\"publish\",\"requestId\":\"p2\",\"sdpOffer\":%s}".formatted(
                        new com.google.gson.JsonPrimitive(sendonly)));
                assertThat(other.reply("p2").getString("type")).isEqualTo("sdpAnswer");
            }
            for (Browser page : List.of(facilitator, patient)) {
                connectionsAre(page, "media rebuilt after the restart", keys -> keys.contains("publisher")
                        && subscribers(keys) == 5);
                assertThat(page.script("return document.querySelector('#room') !== null")).isEqualTo(true);
            }
            // Two pages x (a publish + five subscriptions) and four republished clients reached the new KMS.
            care.mend.media.Eventually.until(java.time.Duration.ofSeconds(45), () -> processOffers() >= 2 * 6 + 4);
            System.out.println("MEND-FIGURES messages a page sent to renegotiate with five others: facilitator "
                    + (sent(facilitator) - sentBefore) + ", patient " + (sent(patient) - patientSentBefore));
            for (Browser page : List.of(facilitator, patient)) {
                assertThat(refusals(page, "RATE_LIMITED")).as(page.name + " rate limited").isZero();
            }

            // Low bandwidth: the patient receives one grid instead of five streams, and back. The mixer exists only
            // while someone watches it.
            int composites = kms.liveObjects("Composite").size();
            patient.click("low-bandwidth");
            connectionsAre(patient, "the grid instead of subscriptions", keys -> keys.contains("grid")
                    && subscribers(keys) == 0);
            care.mend.media.Eventually.until(java.time.Duration.ofSeconds(45),
                    () -> kms.liveObjects("Composite").size() == composites + 1);
            patient.visible("group-view");
            patient.checkLayout("room-low-bandwidth");
            patient.click("low-bandwidth");
            connectionsAre(patient, "subscriptions again", keys -> !keys.contains("grid") && subscribers(keys) == 5);
            care.mend.media.Eventually.until(java.time.Duration.ofSeconds(45),
                    () -> kms.liveObjects("Composite").size() == composites);

            // Audio only: no video is sent, and none is received.
            patient.click("audio-only");
            patient.until("subscriptions receive audio alone", d -> (Boolean) patient.script("""
                    const cs = window.mendDiagnostics.media.connections();
                    const subs = cs.filter(c => c.key.startsWith('subscriber:'));
                    const pub = cs.find(c => c.key === 'publisher');
                    return subs.length === 5 && pub !== undefined
                        && subs.every(c => c.pc.getTransceivers().every(t => t.receiver.track.kind !== 'video'))
                        && pub.pc.getSenders().every(s => !s.track || s.track.kind !== 'video');"""));
            facilitator.visible(tile("audio-only", true));

            for (Browser page : List.of(facilitator, patient)) {
                assertThat(page.consoleErrors()).as(page.name + " console errors")
                        .noneMatch(message -> message.contains("mend"));
            }
        } catch (Throwable failure) {
            browsers.forEach(b -> b.screenshot("FAILED-media"));
            throw failure;
        } finally {
            others.forEach(SignalingClient::close);
        }
    }

    /** The data-state of each step in the progress list, in order ("devices:done location:current ..."). */
    private static String steps(Browser page) {
        return (String) page.script("return [...document.querySelectorAll('#steps li')]"
                + ".map(li => li.dataset.step + ':' + li.dataset.state).join(' ')");
    }

    private static boolean displayed(Browser page, By by) {
        return page.driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
    }

    /**
     * A patient on a phone (390x844), late: the steps in order, each one's instructions gone once it is done; audio
     * only chosen before joining; a waiting room with a self-view that says the facilitator has not joined yet, then
     * that they are here; in the room audio only from the first publish, without choosing again; toggles that keep
     * their words; one polite live region; after the end only a goodbye, no "Join again", media stopped.
     */
    @Test
    void aPatientOnAPhoneFollowsTheStepsJoinsAudioOnlyAndIsSaidGoodbye() throws Exception {
        LiveGroup live = liveGroup(8);
        String ana = live.chosenNames().get(0);
        Browser patient = browser("patient8");
        Browser facilitator = browser("facilitator");
        try {
            patient.driver.manage().window().setSize(Browser.PHONE);
            patient.signIn(base, "patient.html", patient.name);
            patient.visible("check");
            chooseSession(patient, live);
            // The group began ten minutes ago, in the group's time zone.
            patient.untilText("session-notice", "The group started at");
            patient.untilText("session-notice", "you can still join");
            assertThat(steps(patient)).isEqualTo(
                    "devices:current location:upcoming mode:upcoming consent:upcoming checkin:upcoming waiting:upcoming"
                            + " room:upcoming");
            assertThat(displayed(patient, By.id("step-location"))).isFalse();
            assertThat(displayed(patient, By.id("step-mode"))).isFalse();
            patient.screenshot("phone-step-1-390");

            patient.click("start-check");
            patient.visible("device-controls");
            patient.until("step 2 is next", d -> steps(patient).startsWith("devices:done location:current"));
            assertThat(displayed(patient, By.cssSelector("#step-devices .step-help"))).isFalse();
            patient.visible(By.cssSelector("#step-devices .step-done"));
            patient.visible("location").sendKeys("my kitchen");
            pickState(patient);
            patient.click("location-next");
            patient.until("step 3 is next", d -> steps(patient).startsWith("devices:done location:done mode:current"));
            assertThat(displayed(patient, By.id("location-hint"))).isFalse();
            assertThat(displayed(patient, By.id("location-next"))).isFalse();
            patient.click("mode-audio");
            patient.checkLayout("phone-how-you-join");
            patient.driver.manage().window().setSize(Browser.PHONE);
            patient.click("join");

            // The waiting room: a self-view, and the facilitator is not there yet.
            patient.visible("waiting");
            patient.untilText("waiting-message", "Your facilitator has not joined yet");
            patient.until("the self-view plays",
                    d -> (Boolean) patient.script("return document.getElementById('self-view').videoWidth > 0"));
            assertThat((Boolean) patient.script("return document.getElementById('self-view').muted")).isTrue();
            patient.untilText("waiting-mode", "audio only");
            assertThat(steps(patient)).startsWith(
                    "devices:done location:done mode:done consent:done checkin:done waiting:current");
            assertThat(displayed(patient, By.cssSelector("#steps li[data-step='checkin']")))
                    .as("a program that asks no check-in has no such step").isFalse();
            patient.checkLayout("phone-waiting");
            patient.driver.manage().window().setSize(Browser.PHONE);

            facilitator.signIn(base, "facilitator.html", "facilitator");
            facilitator.click(By.cssSelector("#session-list button[aria-label='Open room: " + live.groupName() + "']"));
            facilitator.visible("room");
            patient.untilText("waiting-message", "Your facilitator is here");
            facilitator.untilText("waiting-list", ana + " is waiting");
            facilitator.click(By.cssSelector("#waiting-list li button[aria-label='Admit " + ana + "']"));

            // In the room audio only, as chosen before joining: nothing with video is sent or received.
            patient.visible("room");
            patient.until("audio only is on", ExpectedConditions.attributeToBe(By.id("audio-only"), "aria-pressed",
                    "true"));
            connectionsAre(patient, "a publisher and the facilitator's stream", keys -> keys.contains("publisher")
                    && subscribers(keys) == 1);
            patient.until("audio alone both ways", d -> (Boolean) patient.script("""
                    const cs = window.mendDiagnostics.media.connections();
                    return cs.length === 2 && cs.every(c => c.pc.getTransceivers().every(t =>
                        (!t.sender.track || t.sender.track.kind !== 'video') && t.receiver.track.kind !== 'video'));"""));
            facilitator.visible(tile("audio-only", true));

            // Toggles keep their words; only aria-pressed changes.
            patient.click("mute");
            patient.until("muted", ExpectedConditions.attributeToBe(By.id("mute"), "aria-pressed", "true"));
            assertThat(patient.driver.findElement(By.id("mute")).getText()).isEqualTo("Mute");
            patient.click("mute");
            patient.until("unmuted", ExpectedConditions.attributeToBe(By.id("mute"), "aria-pressed", "false"));
            assertThat(patient.driver.findElement(By.id("mute")).getText()).isEqualTo("Mute");

            // One polite live region on the page, nothing assertive.
            assertThat(((Number) patient.script("return document.querySelectorAll("
                    + "'[aria-live], [role=alert], [role=status], [role=log]').length")).intValue()).isOne();
            assertThat(patient.driver.findElement(By.id("announcer")).getAttribute("aria-live")).isEqualTo("polite");
            patient.checkLayout("phone-room");
            patient.driver.manage().window().setSize(Browser.PHONE);

            // The end: only a goodbye, no "Join again", the camera and microphone let go.
            facilitator.click("end");
            facilitator.click("confirm-yes");
            patient.visible("ended");
            patient.untilText("ended-message", "The group has ended. Thank you for coming.");
            assertThat(displayed(patient, By.id("rejoin"))).isFalse();
            assertThat(displayed(patient, By.id("room"))).isFalse();
            patient.until("media stopped", d -> (Boolean) patient.script("""
                    return window.mendDiagnostics.media.connections().length === 0
                        && document.getElementById('self-view').srcObject === null
                        && document.getElementById('preview').srcObject === null;"""));
            patient.checkLayout("phone-ended");
            assertThat(patient.consoleErrors()).noneMatch(message -> message.contains("mend"));
        } catch (Throwable failure) {
            browsers.forEach(b -> b.screenshot("FAILED-phone"));
            throw failure;
        }
    }

    /**
     * A full group on a phone: twelve patients and the facilitator, one of them in this browser at 390x844. The
     * facilitator (nobody speaking) is large and the eleven others three to a row, so the whole room is within about
     * one screen and a half, not a long scroll of phone-high tiles; every tile is named and none is cut off.
     */
    @Test
    void aFullGroupOfTwelveFitsAPhoneThreeToARowWithTheFacilitatorLarge() throws Exception {
        int[] numbers = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
        LiveGroup live = liveGroup(numbers);
        String sendonly = java.nio.file.Files.readString(care.mend.media.kurento.standin.KurentoRecordings.dir("sdp")
                .resolve("chromium-offer-03-sfu-two-publishers-1.sdp"));
        String offer = new com.google.gson.JsonPrimitive(sendonly).toString();
        Browser patient = browser("patient3");
        List<SignalingClient> others = new ArrayList<>();
        try {
            SignalingClient facilitator = SignalingClient.connect(api, "facilitator");
            others.add(facilitator);
            facilitator.join(live.sessionId(), "fj");
            facilitator.send("{\"type\":\"publish\",\"requestId\":\"fp\",\"sdpOffer\":%s}".formatted(offer));
            assertThat(facilitator.reply("fp").getString("type")).isEqualTo("sdpAnswer");
            for (int n : java.util.Arrays.copyOfRange(numbers, 1, numbers.length)) {
                SignalingClient other = SignalingClient.connect(api, "patient" + n);
                others.add(other);
                String id = other.join(live.sessionId(), "j").getString("participantId");
                facilitator.send("{\"type\":\"admit\",\"requestId\":\"a%d\",\"participantId\":\"%s\"}"
                        .formatted(n, id));
                assertThat(facilitator.reply("a" + n).getString("type")).isEqualTo("ok");
                other.await("admitted");
                other.send("{\"type\":\"publish\",\"requestId\":\"p\",\"sdpOffer\":%s}".formatted(offer));
                assertThat(other.reply("p").getString("type")).isEqualTo("sdpAnswer");
            }

            patientChecksDevicesAndWaits(patient, live, "home");
            JsonObject update = facilitator.await("the browser's patient in the waiting list",
                    m -> "roomUpdated".equals(m.getString("type", null)) && m.getJsonObject("room") != null
                            && !m.getJsonObject("room").getJsonArray("waiting").isEmpty());
            String waitingId = update.getJsonObject("room").getJsonArray("waiting").getJsonObject(0)
                    .getString("participantId");
            facilitator.send("{\"type\":\"admit\",\"requestId\":\"a3\",\"participantId\":\"%s\"}"
                    .formatted(waitingId));
            assertThat(facilitator.reply("a3").getString("type")).isEqualTo("ok");
            patient.visible("room");
            tilesCount(patient, 13);
            connectionsAre(patient, "a publisher and twelve subscriptions", keys -> keys.contains("publisher")
                    && subscribers(keys) == 12);

            // On a phone (the steps' layout checks leave the window at desktop width).
            patient.driver.manage().window().setSize(Browser.PHONE);
            patient.until("the phone's width", d -> ((Number) patient.script(
                    "return document.documentElement.clientWidth")).intValue() <= Browser.PHONE.width);
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> layout = (java.util.Map<String, Object>) patient.script("""
                    const tiles = [...document.querySelectorAll('#tiles > li')];
                    const rects = tiles.map(t => t.getBoundingClientRect());
                    const grid = document.getElementById('tiles').getBoundingClientRect();
                    const featured = tiles.filter(t => t.classList.contains('featured'));
                    return {
                      featured: featured.map(t => t.dataset.role),
                      featuredWidth: featured.length ? featured[0].getBoundingClientRect().width : 0,
                      widest: Math.max(...tiles.filter(t => !t.classList.contains('featured'))
                          .map(t => t.getBoundingClientRect().width)),
                      gridHeight: grid.height,
                      viewport: window.innerHeight,
                      width: document.documentElement.clientWidth,
                      cut: rects.filter(r => r.left < 0 || r.right > document.documentElement.clientWidth).length,
                      unnamed: tiles.filter(t => !(t.querySelector('.name')?.textContent || '').trim()).length
                    };""");
            System.out.printf("MEND-FIGURES a room of 13 on a 390x844 phone: tiles %.0f px high in all%n",
                    ((Number) layout.get("gridHeight")).doubleValue());
            double width = ((Number) layout.get("width")).doubleValue();
            assertThat((List<Object>) layout.get("featured")).as("the facilitator large").containsExactly("FACILITATOR");
            assertThat(((Number) layout.get("featuredWidth")).doubleValue()).isGreaterThan(width * 0.8);
            assertThat(((Number) layout.get("widest")).doubleValue()).as("three to a row").isLessThan(width / 3);
            assertThat(((Number) layout.get("gridHeight")).doubleValue()).as("within a screen and a half")
                    .isLessThan(((Number) layout.get("viewport")).doubleValue() * 1.5);
            assertThat(((Number) layout.get("cut")).intValue()).as("tiles cut off at the sides").isZero();
            assertThat(((Number) layout.get("unnamed")).intValue()).as("tiles without a name").isZero();
            patient.checkLayout("phone-full-group");
            assertThat(patient.consoleErrors()).noneMatch(message -> message.contains("mend"));
        } catch (Throwable failure) {
            browsers.forEach(b -> b.screenshot("FAILED-full-group"));
            throw failure;
        } finally {
            others.forEach(SignalingClient::close);
        }
    }

    /**
     * The check-in at join (issue #18), on a phone: after "How you join" the patient is asked how they are, as big 0-10
     * buttons with Skip beside Send; they answer mood 2 and go on to the waiting room; the facilitator's live panel
     * shows the check-in with the low-mood flag, and the patient's trend under it. The program is a mental-health one:
     * no craving is asked.
     */
    /**
     * Consent on the patient's page (cons03, at 390x844 and 1280x800): the program's two texts are shown before the
     * waiting room, readable on a phone; accepted, the patient waits; a new version of the agreement is asked again
     * at the next join (the old acceptance named); "Your consent" says what was accepted and when, and withdraws it;
     * the admin's record of the patient shows the withdrawal.
     */
    @Test
    void aPatientReadsAndAcceptsTheConsentBeforeTheFirstJoinAgainForANewVersionAndWithdrawsIt() throws Exception {
        LiveGroup live = liveGroup(false, false, List.of(KeycloakAdmin.consentSubject(3)));
        Api admin = api.as("admin");
        Consent.publish(admin, live.programId(), "TELEHEALTH_CONSENT", "This program offers group therapy by"
                + " secure video, led by a licensed facilitator.\\n\\nSessions are not recorded. Join from a private"
                + " place. In an emergency call 911, or 988 for the Suicide and Crisis Lifeline. (synthetic)");
        Consent.publish(admin, live.programId(), "GROUP_AGREEMENT", "What others share stays in the group.\\n\\n"
                + "Do not record the session. (synthetic)");
        Browser patient = browser(KeycloakAdmin.consentUser(3));
        Browser staff = browser("admin");
        try {
            patient.driver.manage().window().setSize(Browser.PHONE);
            patient.signIn(base, "patient.html", patient.name);
            patientPassesTheCheck(patient, live, "home (synthetic)", null);

            // Before the waiting room: both texts, one Accept; the join waits for it.
            patient.visible("step-consent");
            patient.until("the consent is the current step", d -> steps(patient)
                    .contains("mode:done consent:current checkin:upcoming"));
            assertThat(displayed(patient, By.cssSelector("#steps li[data-step='consent']"))).isTrue();
            assertThat(patient.driver.findElements(By.cssSelector("#consent-texts article"))).hasSize(2);
            assertThat(patient.driver.findElement(By.id("consent-texts")).getText())
                    .contains("Sessions are not recorded").contains("What others share stays in the group")
                    .contains("version 1");
            assertThat(displayed(patient, By.id("join"))).isFalse();
            WebElement accept = patient.visible("consent-accept");
            assertThat(accept.getSize().getHeight()).as("a touch target").isGreaterThanOrEqualTo(44);
            patient.checkLayout("consent-step");
            patient.driver.manage().window().setSize(Browser.PHONE);
            patient.click("consent-accept");
            patient.visible("waiting");
            assertThat(steps(patient)).contains("consent:done checkin:done waiting:current");

            // A new version of the agreement: asked again at the next join, at desktop width this time.
            patient.click("leave-waiting");
            patient.visible("done");
            Consent.publish(admin, live.programId(), "GROUP_AGREEMENT", "What others share stays in the group."
                    + "\\n\\nDo not record the session, and keep others out of earshot. (synthetic)");
            patient.driver.manage().window().setSize(Browser.DESKTOP);
            patient.driver.navigate().refresh();
            patientPassesTheCheck(patient, live, "home (synthetic)", null);
            patient.visible("step-consent");
            assertThat(patient.driver.findElements(By.cssSelector("#consent-texts article"))).hasSize(1);
            assertThat(patient.driver.findElement(By.id("consent-texts")).getText())
                    .contains("changed since you accepted version 1").contains("keep others out of earshot");
            patient.checkLayout("consent-new-version");
            patient.click("consent-accept");
            patient.visible("waiting");

            // "Your consent", before the group: what was accepted and when; withdrawn after a confirmation.
            patient.click("leave-waiting");
            patient.visible("done");
            patient.driver.navigate().refresh();
            patient.visible("my-consent");
            patient.untilText("my-consent-list", "Accepted version 2");
            patient.checkLayout("my-consent");
            patient.click(By.cssSelector("#my-consent-list button[data-withdraw='" + live.programId() + "']"));
            patient.click("confirm-yes");
            patient.untilText("my-consent-list", "Withdrawn on");
            assertThat(patient.consoleErrors()).noneMatch(message -> message.contains("mend"));

            // The admin's record of the patient shows it.
            staff.signIn(base, "admin/patients.html", "admin");
            staff.visible("filter-subject").sendKeys(KeycloakAdmin.consentSubject(3));
            staff.click(By.cssSelector("#patient-filter button[type='submit']"));
            staff.until("only that patient is listed", ExpectedConditions.numberOfElementsToBe(
                    By.cssSelector("#patients tbody tr"), 1));
            staff.click(By.cssSelector("#patients button[aria-label^='Consent: ']"));
            staff.untilText("patient-consent-list", "Withdrawn on");
            staff.checkLayout("admin-patient-consent");
        } catch (Throwable failure) {
            browsers.forEach(b -> b.screenshot("FAILED-consent"));
            throw failure;
        }
    }

    @Test
    void aPatientChecksInWithLowMoodAndTheFacilitatorSeesTheFlagOnTheRoster() throws Exception {
        LiveGroup live = liveGroup(true, 5);
        String name = live.chosenNames().get(0);
        Browser patient = browser("patient5");
        Browser facilitator = browser("facilitator");
        try {
            patient.driver.manage().window().setSize(Browser.PHONE);
            patient.signIn(base, "patient.html", patient.name);
            patientPassesTheCheck(patient, live, "home (synthetic)", null);

            patient.visible("step-checkin");
            patient.until("the check-in is the current step", d -> steps(patient)
                    .contains("mode:done consent:done checkin:current waiting:upcoming"));
            assertThat(displayed(patient, By.cssSelector("#steps li[data-step='checkin']"))).isTrue();
            assertThat(displayed(patient, By.id("checkin-craving-field"))).as("no craving in this program").isFalse();
            assertThat(displayed(patient, By.id("checkin-skip"))).isTrue();
            assertThat(displayed(patient, By.id("join"))).isFalse();
            WebElement two = patient.visible(By.cssSelector("label[for='checkin-mood-2']"));
            assertThat(two.getSize().getHeight()).as("a touch target").isGreaterThanOrEqualTo(44);
            assertThat(two.getSize().getWidth()).isGreaterThanOrEqualTo(44);
            patient.checkLayout("phone-check-in");
            patient.driver.manage().window().setSize(Browser.PHONE);

            // Sent without a medication answer: said at the question, nothing sent.
            patient.click(By.cssSelector("label[for='checkin-mood-2']"));
            patient.click("checkin-send");
            patient.untilText("checkin-medication-error", "medication today");
            patient.click(By.cssSelector("label[for='checkin-med-taken']"));
            patient.visible("checkin-note").sendKeys("Hard week, would like a word after (synthetic)");
            patient.click("checkin-send");
            patient.visible("waiting");
            assertThat(steps(patient)).contains("checkin:done waiting:current");

            facilitator.signIn(base, "facilitator.html", "facilitator");
            facilitator.click(By.cssSelector("#session-list button[aria-label='Open room: " + live.groupName() + "']"));
            facilitator.visible("room");
            facilitator.untilText("waiting-list", name + " is waiting");
            By flagged = By.cssSelector("#attendance tbody tr[data-check-in~='low-mood']");
            WebElement row = facilitator.visible(flagged);
            assertThat(row.getText()).contains(live.patientNames().get(0)).contains("Low mood").contains("mood 2/10")
                    .contains("took their medication").contains("Hard week, would like a word after (synthetic)");
            assertThat(row.findElement(By.cssSelector("td.checkin-flag")).getText()).startsWith("Low mood");
            facilitator.checkLayout("room-check-in");

            // The trend under the panel: this patient's one check-in, flagged.
            // The picker's patients arrive with the roster: choose once the option is there.
            By option = By.xpath("//select[@id='trend-patient']/option[normalize-space(.)='"
                    + live.patientNames().get(0) + "']");
            facilitator.until("the trend picker offers the patient", ExpectedConditions.presenceOfElementLocated(option));
            new Select(facilitator.visible("trend-patient")).selectByVisibleText(live.patientNames().get(0));
            facilitator.visible(By.cssSelector("#trend-chart svg circle.flagged"));
            assertThat(facilitator.driver.findElement(By.id("trend-title-values")).getAttribute("textContent"))
                    .contains("mood 2 (low)");
            assertThat(patient.consoleErrors()).noneMatch(message -> message.contains("mend"));
        } catch (Throwable failure) {
            browsers.forEach(b -> b.screenshot("FAILED-check-in"));
            throw failure;
        }
    }

    @Test
    void withoutADeviceOrPermissionAPatientIsToldPlainlyAndStillJoins() throws Exception {
        LiveGroup live = liveGroup(7, 8);
        Browser noDevices = browser("patient7", Browser.Devices.NONE);
        Browser denied = browser("patient8", Browser.Devices.DENIED);
        try {
            for (Browser patient : List.of(noDevices, denied)) {
                patient.signIn(base, "patient.html", patient.name);
                chooseSession(patient, live);
                patient.click("start-check");
            }
            // This machine has no camera (CI machines have none); whether a microphone shows up depends on it.
            noDevices.untilText("device-message", "No camera");
            denied.untilText("device-message", "not allowing Mend to use your camera or microphone");
            assertThat(denied.driver.findElement(By.id("device-controls")).isDisplayed()).isFalse();
            noDevices.checkLayout("no-devices");
            denied.checkLayout("permission-denied");

            // Still welcome: they join and wait, and can leave the waiting room.
            for (Browser patient : List.of(noDevices, denied)) {
                patient.visible("location").sendKeys("home");
                pickState(patient);
                patient.click("location-next");
                patient.click("join");
                patient.visible("waiting");
            }
            denied.click("leave-waiting");
            denied.untilText("done-message", "You left the session");
        } catch (Throwable failure) {
            browsers.forEach(b -> b.screenshot("FAILED"));
            throw failure;
        }
    }

    /** Fetches a download link's target from the page itself, with the page's own session. */
    private static String download(Browser browser, String linkId) {
        String href = browser.driver.findElement(By.id(linkId)).getAttribute("href");
        assertThat(href).contains("siteId=").contains("programId=");
        Object body = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'}).then((r) => r.text()).then(done, (e) => done('FAILED ' + e));
                """, href);
        return String.valueOf(body);
    }
}
