package care.mend.program;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The clock the services read "now" and "today" from, so that tests can fix time. UTC: local dates are always
 * derived with an explicit zone. (Belongs in {@code care.mend.platform}; kept here until the platform owns one.
 * There must be exactly one producer of {@link Clock} in the application.)
 */
@ApplicationScoped
public class ClockProducer {

    // Dependent, not application-scoped: a java.time.Clock needs no client proxy (and Weld would have to proxy a JDK
    // class); Clock.systemUTC() is a shared immutable instance anyway.
    @Produces
    Clock clock() {
        return Clock.systemUTC();
    }
}
