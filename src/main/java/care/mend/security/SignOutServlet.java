package care.mend.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs out of the pages: ends Mend's page session (where elytron-oidc-client keeps the tokens) and then sends the
 * browser to Keycloak's end-session endpoint, so that the next visit asks for the password again. On a shared family
 * phone that matters. Outside {@code /app} on purpose: an expired session must not trigger a sign-in to sign out.
 */
@WebServlet(urlPatterns = "/signout")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The same setting the OIDC subsystem reads (wildfly-config/oidc.cli), with the same default. */
    @Inject
    @ConfigProperty(name = "mend.oidc.provider-url", defaultValue = "http://localhost:8180/realms/mend")
    String providerUrl;

    @Inject
    @ConfigProperty(name = "mend.oidc.client-id", defaultValue = "mend")
    String clientId;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String home = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/";
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(providerUrl.replaceAll("/+$", "") + "/protocol/openid-connect/logout?client_id="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&post_logout_redirect_uri="
                + URLEncoder.encode(home, StandardCharsets.UTF_8));
    }
}
