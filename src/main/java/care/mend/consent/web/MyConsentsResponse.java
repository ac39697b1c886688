package care.mend.consent.web;

import java.util.List;

/**
 * What the calling patient must accept now, per program (or for one session's program), with the texts.
 *
 * @param satisfied whether every program listed is accepted in its current texts
 */
public record MyConsentsResponse(boolean satisfied, List<ProgramConsentResponse> programs) {

    static MyConsentsResponse of(List<ProgramConsentResponse> programs) {
        return new MyConsentsResponse(programs.stream().allMatch(ProgramConsentResponse::satisfied), programs);
    }
}
