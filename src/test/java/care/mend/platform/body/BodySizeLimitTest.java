package care.mend.platform.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.mend.MendAssertions;
import care.mend.platform.problem.ProblemCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The body size limit: refused by its declared length before reading, or at the first byte past the limit. */
class BodySizeLimitTest {

    private static final int LIMIT = 1024;

    /** A request of the given declared length whose stream counts what is read from it. */
    private static ContainerRequestContext request(long length, InputStream body, AtomicReference<InputStream> set) {
        return (ContainerRequestContext) Proxy.newProxyInstance(BodySizeLimitTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getLength" -> (int) length;
                    case "hasEntity" -> true;
                    case "getEntityStream" -> body;
                    case "setEntityStream" -> {
                        set.set((InputStream) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static InputStream counting(byte[] bytes, AtomicInteger reads) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                reads.incrementAndGet();
                return super.read(b, off, len);
            }
        };
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingAByte() {
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<InputStream> wrapped = new AtomicReference<>();
        ContainerRequestContext request = request(12L * 1024 * 1024, counting(new byte[16], reads), wrapped);

        MendAssertions.assertRefused(() -> new BodySizeLimit(LIMIT).filter(request), ProblemCode.BODY_TOO_LARGE);

        assertThat(reads).hasValue(0);
        assertThat(wrapped).hasValue(null);
    }

    @Test
    void aBodyOfUnknownLengthIsCutAtTheFirstBytePastTheLimit() throws Exception {
        AtomicReference<InputStream> wrapped = new AtomicReference<>();
        new BodySizeLimit(LIMIT).filter(request(-1, new ByteArrayInputStream(new byte[10 * LIMIT]), wrapped));

        InputStream body = wrapped.get();
        assertThat(body.readNBytes(LIMIT)).hasSize(LIMIT);
        MendAssertions.assertRefused(body::read, ProblemCode.BODY_TOO_LARGE);
    }

    @Test
    void readingAllOfAnOversizedBodyStopsOneBytePastTheLimit() {
        AtomicInteger reads = new AtomicInteger();
        InputStream source = counting(new byte[100 * LIMIT], reads);
        InputStream body = new BodySizeLimit.Bounded(source, LIMIT);

        MendAssertions.assertRefused(body::readAllBytes, ProblemCode.BODY_TOO_LARGE);

        assertThat(100 * LIMIT - ((ByteArrayInputStream) source).available()).isEqualTo(LIMIT + 1);
    }

    @Test
    void aBodyAtTheLimitPassesWhole() throws Exception {
        AtomicReference<InputStream> wrapped = new AtomicReference<>();
        new BodySizeLimit(LIMIT).filter(request(LIMIT, new ByteArrayInputStream(new byte[LIMIT]), wrapped));

        assertThat(wrapped.get().readAllBytes()).hasSize(LIMIT);
        assertThat(wrapped.get().read()).isEqualTo(-1);
    }

    @Test
    void theLimitIsOneKibibyteToTenMebibytes() {
        assertThat(new BodySizeLimit(BodySizeLimit.DEFAULT_BYTES).limit()).isEqualTo(1024 * 1024);
        assertThatThrownBy(() -> new BodySizeLimit(1023)).hasMessageContaining("mend.api.max-body-size");
        assertThatThrownBy(() -> new BodySizeLimit(10L * 1024 * 1024 + 1))
                .hasMessageContaining("mend.api.max-body-size");
    }

    @Test
    void theProblemNamesTheLimitAnd413() {
        assertThat(BodySizeLimit.tooLarge(LIMIT).toProblem().status()).isEqualTo(413);
        assertThat(BodySizeLimit.tooLarge(LIMIT).toProblem().detail()).contains("1024 bytes");
    }
}
