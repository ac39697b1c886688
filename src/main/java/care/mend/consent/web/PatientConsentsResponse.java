package care.mend.consent.web;

import care.mend.consent.ConsentChoice;
import care.mend.consent.ConsentDecision;
import care.mend.consent.ConsentKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One patient's consent as staff read it on the record: the standing per program, and every decision, newest
 * first (accepted or withdrawn, which version, when, and whether the patient made it themselves).
 */
public record PatientConsentsResponse(UUID patientId, List<ProgramConsentResponse> programs, List<Decision> history) {

    public record Decision(UUID id, UUID programId, ConsentKind kind, int version, ConsentChoice decision,
                           Instant decidedAt, boolean byPatient) {

        static Decision from(ConsentDecision d, String patientSubject) {
            return new Decision(d.id(), d.programId(), d.kind(), d.version(), d.decision(), d.decidedAt(),
                    d.actorSubject().equals(patientSubject));
        }
    }
}
