package care.mend.room.signaling;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Turns a handshake from a foreign or missing Origin into a plain 403, and uses up any ticket it offered.
 *
 * <p>Undertow's own WebSocket filter runs {@link SignalingConfigurator#checkOrigin} and, when it refuses, passes
 * the request on as if it were not a handshake (it would end as a 404 from the default servlet). This filter sees
 * that request whichever of the two filters runs first: if it runs first, it refuses here; if second, only requests
 * that were not upgraded reach it. A ticket presented from a foreign origin is discarded, so that a ticket is
 * usable at most once wherever it was presented.
 */
@WebFilter(filterName = "MendSignalingOriginFilter", urlPatterns = "/signaling")
public class SignalingOriginFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SignalingOriginFilter.class.getName());

    // Servlet filters are instantiated by the container: field injection is the only kind it offers.
    @Inject
    SignalingHandshake handshake;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (handshake.originAllowed(request.getHeader("Origin"))) {
            chain.doFilter(request, response);
            return;
        }
        handshake.discard(headers(request), parameters(request));
        LOG.info("MEND-SIGNALING handshake refused: origin not allowed");
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static Map<String, List<String>> parameters(HttpServletRequest request) {
        Map<String, List<String>> parameters = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        return parameters;
    }
}
