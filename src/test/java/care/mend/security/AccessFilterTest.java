package care.mend.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.attendance.AttendanceResource;
import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import care.mend.program.PatientResource;
import care.mend.schedule.TherapyGroupResource;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The filter asks the policy the rule each resource method names, with the ids of the path (and, for reports, the
 * ids of the query that are ids), before anything the caller sent is converted or validated: one case per kind of
 * rule, on the real resource methods. Which rule each method has is {@code RequestRecordsTest}'s; what each policy
 * decision says is {@code AccessPolicyOnH2Test}'s; that JAX-RS runs it before the body is read, AuthorizationIT's.
 */
class AccessFilterTest {

    private static final UUID ID = UUID.fromString("00000000-0000-4000-8000-000000000001");

    /** Records what the filter asked, and refuses when told to. */
    static final class RecordingPolicy extends AccessPolicy {
        final List<String> asked = new ArrayList<>();
        AuditedAccess staffAsked;
        boolean refuse;

        private void ask(String what) {
            asked.add(what);
            if (refuse) {
                throw new MendException(ProblemCode.ACCESS_DENIED, "refused");
            }
        }

        @Override
        public void requireAdmin() {
            ask("admin");
        }

        @Override
        public void requireAnyRole() {
            ask("anyRole");
        }

        @Override
        public void requirePatient() {
            ask("patient");
        }

        @Override
        public void requireStaff() {
            ask("staff");
        }

        @Override
        public void requireOversight() {
            ask("oversight");
        }

        @Override
        public void requireAuditReader() {
            ask("auditReader");
        }

        @Override
        public void requireSignSessionAttendance(UUID sessionId, AuditAction action) {
            ask("sign " + sessionId + " " + action);
        }

        @Override
        public void requireAmendAttendanceRecord(UUID recordId) {
            ask("amend " + recordId);
        }

        @Override
        public void requireAdminToChange(WriteAccess.PatientData data, UUID id) {
            ask("adminToChange " + data + " " + id);
        }

        @Override
        public void requireReadRoster(UUID groupId) {
            ask("roster " + groupId);
        }

        @Override
        public void requireStaffFor(AuditedAccess asked) {
            staffAsked = asked;
            ask("staffFor " + asked.action());
        }

        @Override
        public void requireReportReader(AuditedAccess asked) {
            staffAsked = asked;
            ask("reportReader " + asked.action());
        }

        /** Asked first of every request: whether the method is one an integration may call. */
        final List<Boolean> callable = new ArrayList<>();

        @Override
        public void requireCallable(boolean reportRead) {
            callable.add(reportRead);
        }
    }

    private final RecordingPolicy policy = new RecordingPolicy();

    @Test
    void anAdminWriteIsDecidedByRoleWhateverTheBody() throws Exception {
        filter(method(care.mend.program.SiteResource.class, "update"), Map.of("id", ID.toString()), Map.of());
        assertThat(policy.asked).containsExactly("admin");
    }

    @Test
    void aChangeOfPatientDataIsDecidedByRoleAndNamesItsRecordForTheLog() throws Exception {
        filter(method(care.mend.schedule.MembershipResource.class, "end"), Map.of("id", ID.toString()), Map.of());
        filter(method(PatientResource.class, "create"), Map.of(), Map.of());
        assertThat(policy.asked).containsExactly("adminToChange MEMBERSHIP " + ID, "adminToChange NEW_RECORD null");
    }

    @Test
    void attendanceChangesAreDecidedFromTheIdInThePath() throws Exception {
        filter(method(AttendanceResource.class, "signOff"), Map.of("sessionId", ID.toString()), Map.of());
        filter(method(AttendanceResource.class, "signOffNotHeld"), Map.of("sessionId", ID.toString()), Map.of());
        filter(method(AttendanceResource.class, "amend"), Map.of("recordId", ID.toString()), Map.of());
        assertThat(policy.asked).containsExactly("sign " + ID + " SIGN_OFF", "sign " + ID + " SIGN_OFF_NOT_HELD",
                "amend " + ID);
    }

    @Test
    void aPathIdThatIsNoIdIsNotFoundAndDecidesNothing() throws Exception {
        assertThatThrownBy(() -> filter(method(AttendanceResource.class, "amend"), Map.of("recordId", "x"),
                Map.of())).isInstanceOfSatisfying(MendException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.NOT_FOUND));
        assertThat(policy.asked).isEmpty();
    }

    @Test
    void aRosterIsDecidedFromItsGroupBeforeItsDateIsRead() throws Exception {
        filter(method(TherapyGroupResource.class, "memberships"), Map.of("id", ID.toString()),
                Map.of("activeOn", "not a date", "size", "-1"));
        assertThat(policy.asked).containsExactly("roster " + ID);
    }

    @Test
    void aReportIsDecidedBeforeItsFilterIsReadAndTheRefusalNamesTheIdsItCouldRead() throws Exception {
        policy.refuse = true;
        assertThatThrownBy(() -> filter(method(AttendanceResource.class, "reportCsv"), Map.of(),
                Map.of("groupId", ID.toString(), "siteId", "garbage", "from", "yesterday", "to", "2026-11-30")))
                .isInstanceOf(MendException.class);
        assertThat(policy.asked).containsExactly("reportReader EXPORT_CSV");
        assertThat(policy.staffAsked.groupId()).isEqualTo(ID);
        assertThat(policy.staffAsked.siteId()).isNull();
        assertThat(policy.staffAsked.filter()).isEqualTo("to=2026-11-30");
    }

    @Test
    void readsOfTheCallersReachAskNothingFirst() throws Exception {
        filter(method(PatientResource.class, "list"), Map.of(), Map.of("size", "100000"));
        filter(method(AttendanceResource.class, "sheet"), Map.of("sessionId", ID.toString()), Map.of());
        assertThat(policy.asked).isEmpty();
    }

    @Test
    void everyRequestIsFirstScreenedAndOnlyTheReportAndItsExportsAreOpenToIntegrations() throws Exception {
        filter(method(AttendanceResource.class, "report"), Map.of(), Map.of());
        filter(method(AttendanceResource.class, "reportCsv"), Map.of(), Map.of());
        filter(method(AttendanceResource.class, "reportFhir"), Map.of(), Map.of());
        filter(method(PatientResource.class, "list"), Map.of(), Map.of());
        filter(method(AttendanceResource.class, "sheet"), Map.of("sessionId", ID.toString()), Map.of());
        filter(method(PatientResource.class, "disable"), Map.of("id", ID.toString()), Map.of());
        assertThat(policy.callable).containsExactly(true, true, true, false, false, false);
        assertThat(policy.asked).containsExactly("reportReader READ_REPORT", "reportReader EXPORT_CSV",
                "reportReader EXPORT_FHIR", "adminToChange PATIENT " + ID);
    }

    @Test
    void aRefusalStopsTheRequest() {
        policy.refuse = true;
        assertThatThrownBy(() -> filter(method(AttendanceResource.class, "unsigned"), Map.of(),
                Map.of("olderThanDays", "-1"))).isInstanceOfSatisfying(MendException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.ACCESS_DENIED));
        assertThat(policy.asked).containsExactly("oversight");
    }

    private static Method method(Class<?> resource, String name) {
        return Arrays.stream(resource.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private void filter(Method method, Map<String, String> path, Map<String, String> query) {
        AccessFilter filter = new AccessFilter(policy);
        filter.resource = proxy(ResourceInfo.class, Map.of("getResourceMethod", method));
        MultivaluedHashMap<String, String> pathParameters = new MultivaluedHashMap<>();
        path.forEach(pathParameters::putSingle);
        MultivaluedHashMap<String, String> queryParameters = new MultivaluedHashMap<>();
        query.forEach(queryParameters::putSingle);
        UriInfo uri = proxy(UriInfo.class, Map.of("getPathParameters", pathParameters,
                "getQueryParameters", queryParameters));
        filter.filter(proxy(ContainerRequestContext.class, Map.of("getUriInfo", uri)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, m, args) -> {
            if (!answers.containsKey(m.getName())) {
                throw new UnsupportedOperationException(m.getName());
            }
            return answers.get(m.getName());
        });
    }
}
