package care.mend.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a write of the REST API. {@link AccessFilter} asks the {@link AccessPolicy} before the body is read,
 * bound or validated, so a caller who may not make the change gets 403 {@code ACCESS_DENIED} whatever they sent:
 * never a 400 that tells them which fields they got wrong. Every {@code POST}, {@code PUT} and {@code DELETE} method
 * carries one ({@code RequestRecordsTest} checks).
 *
 * <p>A rule decides with what is known before the body: the caller's roles and the ids in the path. A write whose
 * permission also depends on ids in its body (none today) names the rule for the path here and decides the rest in
 * the method, through the policy, after validation: a caller refused by the path rule never learns about the body.
 * Refusals of attendance changes are written to the access log by the policy, as before.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface WriteAccess {

    Rule value();

    /**
     * The patient data the write changes, so that a refusal is written to the access log like a refused read of it;
     * {@link PatientData#NONE} for organisational changes (sites, staff, programs, groups, sessions).
     */
    PatientData concerns() default PatientData.NONE;

    /** What a write of patient data names in its path: the record, whose patient the log row names. */
    enum PatientData {
        NONE(null),
        /** A record the body describes (its patient is in the body, read only after the decision). */
        NEW_RECORD(null),
        PATIENT("id"),
        ENROLLMENT("id"),
        MEMBERSHIP("id"),
        /** A group's roster (a patient admitted to it). */
        GROUP_ROSTER("id");

        private final String pathParameter;

        PatientData(String pathParameter) {
            this.pathParameter = pathParameter;
        }

        /** The path parameter naming the record, or {@code null}. */
        public String pathParameter() {
            return pathParameter;
        }
    }

    /** The decisions a write can need; each is one method of the {@link AccessPolicy}. */
    enum Rule {
        /** Clinical and organisational changes: {@link AccessPolicy#requireAdmin()}. */
        ADMIN(null),
        /** Any Mend role (a signaling ticket, which reads nothing). */
        ANY_ROLE(null),
        /** A patient changing their own record (found by their subject, so there is no id to check). */
        PATIENT(null),
        /** Signing off the session named by the path's {@code sessionId}: its group's facilitators, and admins. */
        SIGN_SESSION_ATTENDANCE("sessionId"),
        /** Signing off the path's {@code sessionId} as not held: as {@link #SIGN_SESSION_ATTENDANCE}. */
        SIGN_SESSION_NOT_HELD("sessionId"),
        /** Amending the attendance record named by the path's {@code recordId}: as signing its session. */
        AMEND_ATTENDANCE_RECORD("recordId");

        private final String pathParameter;

        Rule(String pathParameter) {
            this.pathParameter = pathParameter;
        }

        /** The path parameter naming the record the decision is about, or {@code null}. */
        public String pathParameter() {
            return pathParameter;
        }
    }
}
