package care.mend.platform.body;

import care.mend.platform.problem.MendException;
import care.mend.platform.problem.ProblemCode;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.Config;

/**
 * The largest request body the API takes, {@code mend.api.max-body-size} bytes (default 1 MiB; 1 KiB to 10 MiB, well
 * under the HTTP listener's own cap, {@code wildfly-config/limits.cli}, past which the server refuses a body before
 * Mend sees it). A body that says it is larger ({@code Content-Length}) is refused with 413
 * {@code BODY_TOO_LARGE} before a byte of it is read; one that does not say (chunked) is read through a stream that
 * refuses the same way at the first byte past the limit, so no reader ever holds more than the limit.
 *
 * <p>Runs after the authorization filter: a caller who may not make the change gets 403 whatever they send.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.ENTITY_CODER)
public class BodySizeLimit implements ContainerRequestFilter {

    static final String KEY = "mend.api.max-body-size";
    static final long DEFAULT_BYTES = 1024 * 1024;
    static final long MIN_BYTES = 1024;
    static final long MAX_BYTES = 10 * 1024 * 1024;

    private long limit;

    public BodySizeLimit() {
        // for CDI proxies
    }

    @Inject
    public BodySizeLimit(Config config) {
        this(config.getOptionalValue(KEY, Long.class).orElse(DEFAULT_BYTES));
    }

    BodySizeLimit(long limit) {
        if (limit < MIN_BYTES || limit > MAX_BYTES) {
            throw new IllegalArgumentException(KEY + " is " + MIN_BYTES + " to " + MAX_BYTES + " bytes");
        }
        this.limit = limit;
    }

    /** Reads the limit at deployment, so that a bad value is reported then and not at the first request. */
    void validateAtStartup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        limit();
    }

    long limit() {
        return limit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > limit) {
            throw tooLarge(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Bounded(request.getEntityStream(), limit));
        }
    }

    static MendException tooLarge(long limit) {
        return new MendException(ProblemCode.BODY_TOO_LARGE,
                "The request body is larger than the API accepts (" + limit + " bytes)");
    }

    /** Passes at most {@code limit} bytes through and refuses the next one with {@code BODY_TOO_LARGE}. */
    static final class Bounded extends FilterInputStream {

        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // Never ask for more than one byte past the limit: that byte is enough to know.
            long room = limit - count + 1;
            int n = super.read(buffer, offset, (int) Math.min(length, room));
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, limit - count + 1));
            counted(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void counted(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
