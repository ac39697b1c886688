package care.mend.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one audited request did: reads and exports of patient data, sign-offs and amendments. One row of the access
 * log per request, whatever number of records it listed.
 *
 * <p>Rows written before these names existed (Mend before V10) carry older action strings; {@link #ofStored} reads
 * them as the action they were, and {@link #storedNames()} lets a filter find them too. The log is append-only, so
 * they are never rewritten.
 */
public enum AuditAction {
    /** One patient's record. */
    READ_PATIENT,
    /** A listing of patients. */
    LIST_PATIENTS,
    /** One enrollment with its history. */
    READ_ENROLLMENT,
    /** A listing of enrollments. */
    LIST_ENROLLMENTS,
    /** One membership (a patient in a group). */
    READ_MEMBERSHIP,
    /** A group's roster. */
    READ_ROSTER,
    /** Joining a group's live room (it reveals who is in the group). */
    JOIN_ROOM,
    /** A session's attendance sheet. */
    READ_SHEET,
    /** Progress toward the required sessions: one enrollment's, or a program's enrollments at once. */
    READ_PROGRESS,
    /** A page of the signed-attendance report. */
    READ_REPORT,
    /** The report as CSV. */
    EXPORT_CSV,
    /** The report as a FHIR Bundle. */
    EXPORT_FHIR,
    /** Signing a session's attendance. */
    SIGN_OFF,
    /** Signing off a session that was not held. */
    SIGN_OFF_NOT_HELD,
    /** Amending a signed attendance record. */
    AMEND,
    /** Voiding a membership entered in error (it changes who was on past rosters). */
    VOID_MEMBERSHIP,
    /** Putting patients on a session's roster as make-up guests (a guest, or a make-up session for named patients). */
    ADD_GUEST,
    /**
     * Changing a patient's record, enrollment or group membership: logged when refused (the allowed changes are the
     * records' own dated history).
     */
    CHANGE_PATIENT_DATA,
    /** A patient's own check-in at join (mood, craving, medication, a note). */
    CHECK_IN,
    /** Check-ins read by staff: a session's round, or one patient's trend. */
    READ_CHECK_INS,
    /**
     * A patient admitted to a session although their stated place is outside every licensed state of its
     * facilitators ("admit anyway", with a reason on the record).
     */
    ADMIT_OUTSIDE_LICENSURE,
    /** The facilitator's safety panel for one patient: stated location, emergency contact, crisis instructions. */
    READ_SAFETY,
    /** Mend made (or linked by e-mail address) a patient's login at registration, and invited them. */
    CREATE_LOGIN,
    /** An admin invited a patient again, or retried a login that failed. */
    INVITE_LOGIN,
    /** An admin disabled a patient's login. */
    DISABLE_LOGIN,
    /** An admin enabled a patient's disabled login again. */
    ENABLE_LOGIN,
    /** A patient's acceptance of the current version of a program's consent text (telehealth, group agreement). */
    ACCEPT_CONSENT,
    /** A patient's withdrawal of their consent in a program (they cannot join its sessions until they accept again). */
    WITHDRAW_CONSENT,
    /** A patient's consent decisions read by staff (the record's consent panel). */
    READ_CONSENT,
    /** A new version of a program's consent text published (every patient of it must accept it before joining). */
    PUBLISH_CONSENT_TEXT;

    /** The action strings written before V10, by the action they were. */
    private static final Map<String, AuditAction> LEGACY = Map.of(
            "READ_ATTENDANCE", READ_SHEET,
            "LIST_MEMBERSHIPS", READ_ROSTER,
            "LIST_PATIENT", LIST_PATIENTS,
            "LIST_ENROLLMENT", LIST_ENROLLMENTS,
            "LIST_ATTENDANCE-REPORT", READ_REPORT,
            "LIST_ATTENDANCE-EXPORT-CSV", EXPORT_CSV,
            "LIST_ATTENDANCE-EXPORT-FHIR", EXPORT_FHIR);

    /** The action a stored string names, old names included; empty for a string Mend never wrote. */
    public static Optional<AuditAction> ofStored(String stored) {
        for (AuditAction action : values()) {
            if (action.name().equals(stored)) {
                return Optional.of(action);
            }
        }
        return Optional.ofNullable(LEGACY.get(stored));
    }

    /** Every string rows of this action may carry: its name, and the names older rows used for it. */
    public List<String> storedNames() {
        List<String> names = new ArrayList<>();
        names.add(name());
        LEGACY.forEach((legacy, action) -> {
            if (action == this) {
                names.add(legacy);
            }
        });
        return names;
    }
}
