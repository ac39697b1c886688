package care.mend.security;

import care.mend.platform.health.IdentityProviderProbe;
import care.mend.platform.health.IdentityProviderReadinessCheck;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.Readiness;

/**
 * Answers a page visit that cannot be signed in because the identity provider does not answer: a short HTML page,
 * "Sign-in is starting, try again in a moment", with 503 and {@code Retry-After}, instead of the bare "Forbidden"
 * that WildFly's OIDC client writes itself when it cannot read the provider's discovery document.
 *
 * <p>That 403 is written by the sign-in mechanism straight into the response, before any filter runs and without
 * the servlet error-page dispatch, so neither a filter nor a web.xml error page can replace it: this runs in
 * Undertow's outer handler chain, before the security handlers ({@link SignInGuardExtension}). It steps in only
 * for a {@code GET} or {@code HEAD} of a page under {@code /app} without a live HTTP session, and only while the
 * readiness probe finds the provider down; everything else, including a real 403, goes on unchanged. A visitor
 * with a session is let through: their session may well still serve them.
 */
final class SignInGuard implements HttpHandler {

    static final int RETRY_AFTER_SECONDS = 10;

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="%d">
            <title>Mend: sign-in is starting</title>
            </head>
            <body>
            <main>
            <h1>Sign-in is starting, try again in a moment</h1>
            <p role="status">Mend cannot reach its sign-in service yet. This page tries again by itself in a few
            seconds.</p>
            </main>
            </body>
            </html>
            """.formatted(RETRY_AFTER_SECONDS);

    private static final Logger LOG = Logger.getLogger(SignInGuard.class.getName());
    private static final byte[] BODY = PAGE.getBytes(StandardCharsets.UTF_8);

    private final HttpHandler next;
    private final Supplier<IdentityProviderProbe> probe;

    SignInGuard(HttpHandler next, Supplier<IdentityProviderProbe> probe) {
        this.next = Objects.requireNonNull(next, "next");
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    /** The probe from CDI, looked up at the first page visit (the guard is built before CDI is up). */
    static Supplier<IdentityProviderProbe> fromCdi() {
        return new Supplier<>() {
            private volatile IdentityProviderProbe found;

            @Override
            public IdentityProviderProbe get() {
                IdentityProviderProbe probe = found;
                if (probe == null) {
                    try {
                        // The check is a @Readiness bean: it is found only with its qualifier.
                        probe = CDI.current().select(IdentityProviderReadinessCheck.class,
                                Readiness.Literal.INSTANCE).get().probe();
                        found = probe;
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "MEND-SECURITY the identity-provider probe is not available yet", e);
                    }
                }
                return probe;
            }
        };
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (!isPageVisit(exchange.getRequestMethod().toString(), exchange.getRelativePath())) {
            next.handleRequest(exchange);
            return;
        }
        if (exchange.isInIoThread()) {
            // The probe may wait for the provider: never on an I/O thread.
            exchange.dispatch(this);
            return;
        }
        if (hasSession() || !providerDown()) {
            next.handleRequest(exchange);
            return;
        }
        exchange.setStatusCode(503);
        exchange.getResponseHeaders().put(Headers.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/html; charset=UTF-8");
        exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, Integer.toString(BODY.length));
        if (!Methods.HEAD.equals(exchange.getRequestMethod())) {
            exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(BODY));
        } else {
            exchange.endExchange();
        }
    }

    /** A page of the browser's, the only requests that are sent to sign in (the API answers 401 itself). */
    static boolean isPageVisit(String method, String relativePath) {
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        return read && relativePath != null && (relativePath.equals("/app") || relativePath.startsWith("/app/"));
    }

    private boolean providerDown() {
        IdentityProviderProbe found = probe.get();
        return found != null && !found.status().up();
    }

    private static boolean hasSession() {
        ServletRequestContext context = ServletRequestContext.current();
        if (context == null) {
            return false;
        }
        return ((HttpServletRequest) context.getServletRequest()).getSession(false) != null;
    }
}
