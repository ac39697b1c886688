package care.mend.consent.web;

import care.mend.consent.ConsentKind;
import care.mend.consent.ConsentRule;
import care.mend.program.Program;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One patient's standing in one program: whether they may join its sessions ({@code satisfied}), and per kind the
 * state, the current text (to read and accept; null when none is published), the version accepted and when the
 * latest decision was made.
 */
public record ProgramConsentResponse(UUID programId, String programName, boolean satisfied, List<Kind> kinds) {

    /**
     * @param state           ACCEPTED, NOT_ACCEPTED, NEW_VERSION (an earlier version was accepted), WITHDRAWN or
     *                        NOT_PUBLISHED (the program has no text of the kind: nobody can join until it publishes)
     * @param acceptedVersion the version accepted and not withdrawn, or null
     * @param decidedAt       when the latest decision was made, or null
     */
    public record Kind(ConsentKind kind, ConsentRule.State state, ConsentTextResponse text, Integer acceptedVersion,
                       Instant decidedAt) {
    }

    static ProgramConsentResponse from(Program program, ConsentRule.Verdict verdict) {
        return new ProgramConsentResponse(program.id(), program.name(), verdict.satisfied(), verdict.kinds().stream()
                .map(k -> new Kind(k.kind(), k.state(), ConsentTextResponse.from(k.current()), k.acceptedVersion(),
                        k.decidedAt())).toList());
    }
}
