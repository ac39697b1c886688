package care.mend.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What one patient still has to accept in one program, and so whether they may join its sessions: the one statement
 * of the rule, in plain Java (the access policy asks it at every join, the pages show its answer).
 *
 * <p>For each {@link ConsentKind}: the program's current text is its highest published version; the patient's state is
 * read from their latest decision for that program and kind, whatever its version:
 * <ul>
 *   <li>{@link State#NOT_PUBLISHED}: the program has no text of the kind, so there is nothing to accept and the
 *       patient cannot join until the clinic publishes one (no telehealth group without informed consent);</li>
 *   <li>{@link State#NOT_ACCEPTED}: no decision yet;</li>
 *   <li>{@link State#WITHDRAWN}: the latest decision is a withdrawal (of any version);</li>
 *   <li>{@link State#NEW_VERSION}: the latest decision accepted an earlier version than the current one;</li>
 *   <li>{@link State#ACCEPTED}: the latest decision accepted the current version.</li>
 * </ul>
 * Only when every kind is {@code ACCEPTED} may the patient join ({@link Verdict#satisfied()}).
 */
public final class ConsentRule {

    private ConsentRule() {
    }

    /** A patient's standing on one kind of text. */
    public enum State {
        ACCEPTED,
        NOT_ACCEPTED,
        NEW_VERSION,
        WITHDRAWN,
        NOT_PUBLISHED;

        /** Whether the patient can do something about it themselves (accept the current text). */
        public boolean acceptable() {
            return this == NOT_ACCEPTED || this == NEW_VERSION || this == WITHDRAWN;
        }
    }

    /**
     * One kind's answer.
     *
     * @param current  the program's current text of the kind, or null ({@link State#NOT_PUBLISHED})
     * @param latest   the patient's latest decision for the program and kind, or null
     */
    public record KindVerdict(ConsentKind kind, State state, ConsentText current, ConsentDecision latest) {

        public KindVerdict {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(state, "state");
        }

        /** The version the patient has accepted and not withdrawn, or null. */
        public Integer acceptedVersion() {
            return latest != null && latest.decision() == ConsentChoice.ACCEPTED ? latest.version() : null;
        }

        /** When the latest decision was made, or null. */
        public Instant decidedAt() {
            return latest == null ? null : latest.decidedAt();
        }
    }

    /** The answer for one program: one verdict per kind, in the order of {@link ConsentKind}. */
    public record Verdict(UUID programId, List<KindVerdict> kinds) {

        public Verdict {
            Objects.requireNonNull(programId, "programId");
            kinds = List.copyOf(kinds);
        }

        /** Whether every kind is accepted in its current version: the patient may join. */
        public boolean satisfied() {
            return kinds.stream().allMatch(k -> k.state() == State.ACCEPTED);
        }

        /** The kinds still open (not accepted in their current version). */
        public List<KindVerdict> missing() {
            return kinds.stream().filter(k -> k.state() != State.ACCEPTED).toList();
        }

        public KindVerdict of(ConsentKind kind) {
            return kinds.stream().filter(k -> k.kind() == kind).findFirst().orElseThrow();
        }
    }

    /**
     * The verdict for one program from its published texts (all versions, any order) and the patient's decisions in it
     * (any order).
     */
    public static Verdict judge(UUID programId, Collection<ConsentText> texts, Collection<ConsentDecision> decisions) {
        Map<ConsentKind, ConsentText> current = new EnumMap<>(ConsentKind.class);
        for (ConsentText text : texts) {
            if (!text.programId().equals(programId)) {
                continue;
            }
            current.merge(text.kind(), text, (a, b) -> a.version() >= b.version() ? a : b);
        }
        Map<ConsentKind, ConsentDecision> latest = new EnumMap<>(ConsentKind.class);
        for (ConsentDecision decision : decisions) {
            if (!decision.programId().equals(programId)) {
                continue;
            }
            latest.merge(decision.kind(), decision, ConsentRule::later);
        }
        List<KindVerdict> verdicts = new ArrayList<>();
        for (ConsentKind kind : ConsentKind.values()) {
            ConsentText text = current.get(kind);
            ConsentDecision decision = latest.get(kind);
            verdicts.add(new KindVerdict(kind, stateOf(text, decision), text, decision));
        }
        return new Verdict(programId, verdicts);
    }

    private static State stateOf(ConsentText current, ConsentDecision latest) {
        if (current == null) {
            return State.NOT_PUBLISHED;
        }
        if (latest == null) {
            return State.NOT_ACCEPTED;
        }
        if (latest.decision() == ConsentChoice.WITHDRAWN) {
            return State.WITHDRAWN;
        }
        return latest.version() >= current.version() && latest.textId().equals(current.id()) ? State.ACCEPTED
                : State.NEW_VERSION;
    }

    /** The later of two decisions: by their number (times can tie). */
    private static ConsentDecision later(ConsentDecision a, ConsentDecision b) {
        return a.sequence() >= b.sequence() ? a : b;
    }
}
