package care.mend.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archive the integration tests deploy: the very WAR that {@code mvn package} built, so the tests exercise
 * what ships rather than a hand-assembled subset.
 */
public final class MendDeployment {

    private MendDeployment() {
    }

    public static WebArchive war() {
        File war = new File(System.getProperty("mend.war", "target/mend.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the WAR first (mvn package): " + war);
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
