package care.mend.consent.web;

import care.mend.consent.ConsentKind;
import care.mend.consent.ConsentText;
import java.time.Instant;
import java.util.UUID;

/** One published version of a program's text, word for word. */
public record ConsentTextResponse(UUID id, UUID programId, ConsentKind kind, int version, String title, String body,
                                  Instant publishedAt) {

    static ConsentTextResponse from(ConsentText t) {
        return t == null ? null : new ConsentTextResponse(t.id(), t.programId(), t.kind(), t.version(), t.title(),
                t.body(), t.publishedAt());
    }
}
