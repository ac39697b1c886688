package care.mend.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a read of the REST API, decided by {@link AccessFilter} before any query parameter is converted or
 * validated: a caller who may not read gets 403 whatever parameters they sent, and a patient's refused report, CSV
 * or FHIR request is in the access log even when its filter was malformed. Every {@code GET} method carries one
 * ({@code RequestRecordsTest} checks). The method then decides what needs the record itself (whose patient, which
 * group) through the policy's audited reads, as before.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadAccess {

    Rule value();

    /** The decisions a read can need before its parameters; each is one method of the {@link AccessPolicy}. */
    enum Rule {
        /**
         * Any signed-in caller: a listing restricted to the caller's reach, the caller's own record, or a read of one
         * record that the method decides (and audits) from the record, with nothing validated before it.
         */
        SIGNED_IN(null),
        /** Sites and programs: any Mend role. */
        ANY_ROLE(null),
        /** The staff directory: staff roles. */
        STAFF(null),
        /** Oversight lists: supervisors and admins. */
        OVERSIGHT(null),
        /** The access log: supervisors and admins. */
        AUDIT_READER(null),
        /** The roster of the path's group {@code id}: staff of the group or its site; a refusal is audited. */
        ROSTER("id"),
        /** A program's progress chart: staff; a refusal is audited ({@link AuditAction#READ_PROGRESS}). */
        PROGRAM_PROGRESS(null),
        /** The attendance report: staff; a refusal is audited ({@link AuditAction#READ_REPORT}). */
        REPORT(null),
        /** The report as CSV: as {@link #REPORT} ({@link AuditAction#EXPORT_CSV}). */
        REPORT_CSV(null),
        /** The report as FHIR: as {@link #REPORT} ({@link AuditAction#EXPORT_FHIR}). */
        REPORT_FHIR(null);

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
