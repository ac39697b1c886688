package care.mend.room;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.Optional;

/**
 * A refusal with a stable {@link RoomErrorCode}. Commands fail their {@link CompletionStage} with it; the detail is
 * safe to log and to show (it never contains names, subjects, tokens or SDP).
 */
public final class RoomException extends RuntimeException {

    private final RoomErrorCode code;

    public RoomException(RoomErrorCode code) {
        this(code, code.message());
    }

    public RoomException(RoomErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public RoomErrorCode code() {
        return code;
    }

    /** A stage already failed with {@code code}. */
    public static <T> CompletionStage<T> failed(RoomErrorCode code) {
        return CompletableFuture.failedFuture(new RoomException(code));
    }

    /**
     * The room's refusal inside a failure as a dependent stage sees it ({@link CompletionException} and
     * {@link ExecutionException} wrap the original), or empty if the failure is not a refusal.
     */
    public static Optional<RoomException> of(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof RoomException room ? Optional.of(room) : Optional.empty();
    }
}
