package care.mend.schedule.demo;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The identity-provider subjects of the demo users: the user ids of {@code wildfly-config/keycloak/mend-realm.json},
 * which fixes them so that each demo login lands on its demo record. A unit test keeps the two in step.
 */
public final class DemoIdentities {

    public static final String ADMIN = "8d7a1c2e-0001-4a6b-9c3d-000000000001";
    public static final String SUPERVISOR = "8d7a1c2e-0002-4a6b-9c3d-000000000002";
    public static final String FACILITATOR = "8d7a1c2e-0003-4a6b-9c3d-000000000003";
    /** A second facilitator who runs no demo group: the "facilitator of another group" in tests and demos. */
    public static final String OTHER_FACILITATOR = "8d7a1c2e-0004-4a6b-9c3d-000000000004";

    private DemoIdentities() {
    }

    /** Patient n (1-based) of the demo group; the realm's user {@code patient<n>}. */
    public static String patient(int n) {
        if (n < 1 || n > 999) {
            throw new IllegalArgumentException("patient number out of range: " + n);
        }
        return String.format("8d7a1c2e-1%03d-4a6b-9c3d-%012d", n, 100 + n);
    }

    public static List<String> patients(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(DemoIdentities::patient).toList();
    }
}
