package care.mend.reminder;

import care.mend.platform.ConfigDurations;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The reminders' configuration, read and validated once at deployment (a bad value fails it, naming the key, never
 * echoing the value):
 * <ul>
 *   <li>{@code mend.smtp.host} (MEND_SMTP_HOST): the SMTP server the mail session {@code java:jboss/mail/mend} sends
 *       through ({@code wildfly-config/mail.cli} reads the same key). Unset: reminders are off.</li>
 *   <li>{@code mend.reminders.lead} (MEND_REMINDERS_LEAD): how long before a session's start its reminders go,
 *       10 minutes to 48 hours, default 2 hours, as whole seconds or ISO-8601 ({@code PT2H}).</li>
 *   <li>{@code mend.reminders.every} (MEND_REMINDERS_EVERY): how often due reminders are looked for, 1 second to
 *       10 minutes, default 1 minute (the tests look more often).</li>
 *   <li>{@code mend.public-url} (MEND_PUBLIC_URL): where patients reach Mend, for the link to their page; default
 *       {@code http://localhost:8080}.</li>
 * </ul>
 */
public record ReminderSettings(Optional<String> smtpHost, Duration lead, Duration every, URI patientPage) {

    static final String SMTP_HOST_KEY = "mend.smtp.host";
    static final String LEAD_KEY = "mend.reminders.lead";
    static final String EVERY_KEY = "mend.reminders.every";
    static final String PUBLIC_URL_KEY = "mend.public-url";
    static final Duration DEFAULT_LEAD = Duration.ofHours(2);
    static final Duration MIN_LEAD = Duration.ofMinutes(10);
    static final Duration MAX_LEAD = Duration.ofHours(48);
    static final Duration DEFAULT_EVERY = Duration.ofMinutes(1);
    static final Duration MAX_EVERY = Duration.ofMinutes(10);
    static final String DEFAULT_PUBLIC_URL = "http://localhost:8080";
    /** The patient's page under the public URL. */
    static final String PATIENT_PAGE = "/app/patient.html";

    public static ReminderSettings of(Config config) {
        Optional<String> host = config.getOptionalValue(SMTP_HOST_KEY, String.class).map(String::trim)
                .filter(h -> !h.isEmpty());
        Duration lead = ConfigDurations.read(config, LEAD_KEY, DEFAULT_LEAD);
        if (lead.compareTo(MIN_LEAD) < 0 || lead.compareTo(MAX_LEAD) > 0) {
            throw new IllegalArgumentException(LEAD_KEY + " is 10 minutes to 48 hours");
        }
        Duration every = ConfigDurations.read(config, EVERY_KEY, DEFAULT_EVERY);
        if (every.compareTo(Duration.ofSeconds(1)) < 0 || every.compareTo(MAX_EVERY) > 0) {
            throw new IllegalArgumentException(EVERY_KEY + " is 1 second to 10 minutes");
        }
        String base = config.getOptionalValue(PUBLIC_URL_KEY, String.class).map(String::trim)
                .filter(u -> !u.isEmpty()).orElse(DEFAULT_PUBLIC_URL);
        URI page;
        try {
            URI root = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
            if (!("http".equals(root.getScheme()) || "https".equals(root.getScheme())) || root.getHost() == null
                    || root.getQuery() != null || root.getFragment() != null) {
                throw new IllegalArgumentException();
            }
            page = URI.create(root + PATIENT_PAGE);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PUBLIC_URL_KEY + " is an http(s) URL such as https://clinic.example");
        }
        return new ReminderSettings(host, lead, every, page);
    }

    /** Whether reminders are sent at all: only where an SMTP server is configured. */
    public boolean enabled() {
        return smtpHost.isPresent();
    }
}
