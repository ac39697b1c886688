package care.mend.platform.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The error page (web.xml) for refusals that happen before JAX-RS sees the request: the sign-in mechanism's 401
 * (no token, an expired or forged one) and the container's 403. They are problem documents like every other error of
 * the API, instead of the container's HTML page. Pages under {@code /app} are not affected: a browser there is
 * redirected to sign in and never sees a 401. Reached directly, it is a 404.
 */
@WebServlet(urlPatterns = ProblemErrorServlet.PATH)
public class ProblemErrorServlet extends HttpServlet {

    static final String PATH = "/errors";

    private static final long serialVersionUID = 1L;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Every method: the error dispatch keeps the refused request's, POST or PUT as well as GET.
        Object status = request.getDispatcherType() == DispatcherType.ERROR
                ? request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) : null;
        Problem problem = problemFor(status instanceof Integer code ? code : 404);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSONB.toJson(problem).getBytes(StandardCharsets.UTF_8));
    }

    static Problem problemFor(int status) {
        return switch (status) {
            case 401 -> Problem.of(ProblemCode.AUTHENTICATION_REQUIRED,
                    "Send a valid access token (Authorization: Bearer) or sign in to the pages first");
            case 403 -> Problem.of(ProblemCode.ACCESS_DENIED, "You may not do this or see this record");
            default -> Problem.of(ProblemCode.NOT_FOUND, "No resource at this path");
        };
    }
}
