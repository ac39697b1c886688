package care.mend.schedule.demo;

import care.mend.program.EmergencyContact;
import care.mend.program.EnrollmentService;
import care.mend.program.Patient;
import care.mend.program.PatientService;
import care.mend.consent.ConsentKind;
import care.mend.consent.Consents;
import care.mend.program.Program;
import care.mend.program.ProgramKind;
import care.mend.program.ProgramPlan;
import care.mend.program.ProgramService;
import care.mend.program.Site;
import care.mend.program.SiteService;
import care.mend.program.StaffMember;
import care.mend.program.StaffService;
import care.mend.schedule.GroupSessionService;
import care.mend.schedule.MembershipService;
import care.mend.schedule.ScheduleSlot;
import care.mend.schedule.TherapyGroup;
import care.mend.schedule.TherapyGroupService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

/**
 * Seeds an empty database with a synthetic clinic. The platform calls {@link #seed} at startup when
 * {@code mend.demo-data} is true. Idempotent: it does nothing once any site exists, and it runs in one transaction,
 * so it never leaves half a clinic behind.
 */
@ApplicationScoped
public class DemoData {

    public static final ZoneId ZONE = ZoneId.of("America/Chicago");
    public static final int PATIENTS = 8;
    /**
     * What the group calls each demo patient, by letter: invented first names, so that the rooms look like a group
     * that runs on first names while the records keep their "Patient A. (demo)" names.
     */
    public static final List<String> CHOSEN_NAMES = List.of("Avery", "Blake", "Casey", "Devon", "Emery", "Finley",
            "Gray", "Harper");

    public static final String DEMO_TELEHEALTH_TITLE = "Consent to group therapy by video (demo)";
    public static final String DEMO_TELEHEALTH = """
            This program offers group therapy by secure video. A licensed facilitator leads each session.

            Video sessions are not recorded. Your device, your connection and the place you choose can affect your \
            privacy: join from a private place where others cannot overhear.

            If the video fails, the facilitator will try to reach you by phone. In an emergency call 911, or 988 for \
            the Suicide and Crisis Lifeline.

            You may withdraw this consent at any time from your page; you then cannot join video sessions until you \
            accept again. This is a synthetic demo text, not legal advice.""";
    public static final String DEMO_AGREEMENT_TITLE = "Group agreement (demo)";
    public static final String DEMO_AGREEMENT = """
            What others share in the group stays in the group. Use first names only.

            Do not record, photograph or share the session, and keep others out of view and earshot.

            Be respectful: one person speaks at a time. This is a synthetic demo text.""";

    private static final System.Logger LOG = System.getLogger(DemoData.class.getName());
    private static final List<ScheduleSlot> MON_WED_THU_EVENINGS = List.of(
            new ScheduleSlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180),
            new ScheduleSlot(DayOfWeek.WEDNESDAY, LocalTime.of(18, 0), 180),
            new ScheduleSlot(DayOfWeek.THURSDAY, LocalTime.of(18, 0), 180));

    private SiteService sites;
    private StaffService staff;
    private ProgramService programs;
    private PatientService patients;
    private EnrollmentService enrollments;
    private TherapyGroupService groups;
    private MembershipService memberships;
    private GroupSessionService sessions;
    private Consents consents;

    protected DemoData() {
        // for CDI proxies
    }

    @Inject
    public DemoData(SiteService sites, StaffService staff, ProgramService programs, PatientService patients,
                    EnrollmentService enrollments, TherapyGroupService groups, MembershipService memberships,
                    GroupSessionService sessions, Consents consents) {
        this.sites = sites;
        this.staff = staff;
        this.programs = programs;
        this.patients = patients;
        this.enrollments = enrollments;
        this.groups = groups;
        this.memberships = memberships;
        this.sessions = sessions;
        this.consents = consents;
    }

    /**
     * Creates the demo clinic unless the database already holds a site.
     *
     * @param today the current day in {@link #ZONE}; enrollments and memberships start on that week's Monday, and
     *              that week's sessions (Monday to Sunday) are generated
     * @return whether anything was created
     */
    @Transactional
    public boolean seed(LocalDate today) {
        if (sites.anySite()) {
            LOG.log(System.Logger.Level.INFO, "mend.demo: a site exists; no demo data seeded");
            return false;
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Site site = sites.create("Mend Demo Clinic", "Jackson", "TN", ZONE);
        StaffMember facilitator = staff.register(DemoIdentities.FACILITATOR, "Demo Facilitator");
        StaffMember otherFacilitator = staff.register(DemoIdentities.OTHER_FACILITATOR, "Demo Co-facilitator");
        StaffMember supervisor = staff.register(DemoIdentities.SUPERVISOR, "Demo Supervisor");
        staff.register(DemoIdentities.ADMIN, "Demo Admin");
        for (StaffMember member : List.of(facilitator, otherFacilitator, supervisor)) {
            staff.assignSite(member.id(), site.id());
        }
        Program program = programs.create(site.id(), "Evening Mental Health IOP (demo)",
                ProgramKind.MENTAL_HEALTH_IOP, ProgramPlan.of(24, 3, 180));
        // Version 1 of both texts, so that the demo's patients meet the consent step before their first join (they
        // have not accepted: that is what a new patient sees).
        consents.publish(program.id(), ConsentKind.TELEHEALTH_CONSENT, DEMO_TELEHEALTH_TITLE, DEMO_TELEHEALTH,
                DemoIdentities.ADMIN);
        consents.publish(program.id(), ConsentKind.GROUP_AGREEMENT, DEMO_AGREEMENT_TITLE, DEMO_AGREEMENT,
                DemoIdentities.ADMIN);
        TherapyGroup group = groups.create("Evening Group (demo)", program.id(), 12, false, ZONE,
                MON_WED_THU_EVENINGS, Set.of(facilitator.id()));
        // 24 sessions at 3 a week: 8 weeks, the last day included.
        LocalDate plannedEnd = monday.plusWeeks(8).minusDays(1);
        for (int i = 1; i <= PATIENTS; i++) {
            char letter = (char) ('A' + i - 1);
            Patient patient = patients.register(DemoIdentities.patient(i), "Patient " + letter + ". (demo)",
                    CHOSEN_NAMES.get(i - 1), new EmergencyContact("Demo Contact " + letter, "+1 555 010 000" + i));
            enrollments.enroll(patient.id(), program.id(), monday, plannedEnd);
            memberships.admit(group.id(), patient.id(), monday);
        }
        int created = sessions.generate(group.id(), monday, monday.plusDays(6)).created().size();
        // Counts only: ids and names stay out of INFO logs.
        LOG.log(System.Logger.Level.INFO, "mend.demo: demo clinic seeded: 1 site, 1 group, {0} patients, {1} sessions",
                PATIENTS, created);
        return true;
    }
}
