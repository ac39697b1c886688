package care.mend.consent.web;

import care.mend.consent.ConsentRule;
import care.mend.consent.ConsentText;
import care.mend.consent.Consents;
import care.mend.platform.QueryParams;
import care.mend.program.Program;
import care.mend.security.AccessPolicy;
import care.mend.security.AuditAction;
import care.mend.security.ReadAccess;
import care.mend.security.WriteAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The patient's own consent: what to accept now (with the texts), accepting the current version, withdrawing. A
 * decision and its row of the access log commit together.
 */
@Path("me/consents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consent", description = "Telehealth consent and the group agreement, per program, versioned")
public class MyConsentResource {

    @Inject
    Consents consents;

    @Inject
    AccessPolicy access;

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    @ReadAccess(ReadAccess.Rule.SIGNED_IN)
    @Operation(summary = "What the calling patient must accept now, per program, with the current texts",
            description = "With sessionId: only that session's program (the one its join asks about), also for a"
                    + " make-up guest. 403 for anyone who is not a patient.")
    public MyConsentsResponse mine(@QueryParam("sessionId") String sessionId) {
        UUID session = QueryParams.uuid("sessionId", sessionId);
        UUID self = access.ownConsentPatient();
        List<Program> programs = consents.programsOf(self);
        if (session != null) {
            UUID program = consents.programOfSession(session).orElse(null);
            programs = programs.stream().filter(p -> p.id().equals(program)).toList();
        }
        return MyConsentsResponse.of(programs.stream()
                .map(p -> ProgramConsentResponse.from(p, consents.verdict(self, p.id()))).toList());
    }

    @POST
    @Transactional
    @WriteAccess(WriteAccess.Rule.PATIENT)
    @Operation(summary = "Accept the current version of a text (the caller, a patient of its program)",
            description = "409 CONSENT_VERSION_STALE when a newer version was published (nothing recorded); accepting"
                    + " what is already accepted records nothing. 403 for a program that does not concern the caller."
                    + " Answers the program's standing after it.")
    public ProgramConsentResponse accept(@NotNull @Valid AcceptConsentRequest body) {
        ConsentText text = consents.text(body.textId());
        ConsentRule.Verdict verdict = access.decideConsent(AuditAction.ACCEPT_CONSENT, text.programId(),
                programIds(), self -> consents.accept(self, text.id(), body.version(), access.user().subject()));
        return ProgramConsentResponse.from(consents.program(text.programId()), verdict);
    }

    @POST
    @Path("withdraw")
    @Transactional
    @WriteAccess(WriteAccess.Rule.PATIENT)
    @Operation(summary = "Withdraw consent in a program (one kind, or all): its sessions cannot be joined until the"
            + " caller accepts again",
            description = "409 CONSENT_NOT_GIVEN when nothing is accepted there. The facilitators and the record show"
                    + " the withdrawal.")
    public ProgramConsentResponse withdraw(@NotNull @Valid WithdrawConsentRequest body) {
        Program program = consents.program(body.programId());
        ConsentRule.Verdict verdict = access.decideConsent(AuditAction.WITHDRAW_CONSENT, program.id(), programIds(),
                self -> consents.withdraw(self, program.id(), body.kind(), access.user().subject()));
        return ProgramConsentResponse.from(program, verdict);
    }

    private Function<UUID, List<UUID>> programIds() {
        return self -> consents.programsOf(self).stream().map(Program::id).toList();
    }
}
