package care.mend.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The accessibility audit that every page's layout check runs ({@link Browser#checkLayout}) can fail: on a page with
 * the faults it is there to find, axe-core names them, and on the same page without them it finds nothing. No server
 * is needed; the pages are data: URLs in Chromium.
 */
class AccessibilityAuditIT {

    @BeforeAll
    static void chromium() {
        Browser.requireChromium();
    }

    @Test
    void theAuditNamesAnImageWithoutTextAButtonWithoutANameAndAFieldWithoutALabel() {
        try (Browser browser = Browser.open("axe")) {
            browser.driver.get(page("""
                    <main><h1>Check</h1><img src="x.png"><button></button><input type="text"></main>"""));
            assertThat(browser.accessibilityViolations())
                    .anyMatch(v -> v.startsWith("image-alt:"))
                    .anyMatch(v -> v.startsWith("button-name:"))
                    .anyMatch(v -> v.startsWith("label:"));
        }
    }

    @Test
    void theSamePageWithItsTextsHasNothingToReport() {
        try (Browser browser = Browser.open("axe")) {
            browser.driver.get(page("""
                    <main><h1>Check</h1><img src="x.png" alt="A check mark"><button>Send</button>
                    <label for="n">Name</label><input id="n" type="text"></main>"""));
            assertThat(browser.accessibilityViolations()).isEmpty();
        }
    }

    private static String page(String body) {
        String html = "<!doctype html><html lang=\"en\"><head><title>Audit check</title></head><body>" + body
                + "</body></html>";
        return "data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
