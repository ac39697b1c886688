package care.mend.security;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts {@link SignInGuard} in front of the deployment's security handlers. Undertow finds it through
 * {@code META-INF/services/io.undertow.servlet.ServletExtension}; WildFly gives every web deployment Undertow's API.
 */
public final class SignInGuardExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext servletContext) {
        deployment.addOuterHandlerChainWrapper(next -> new SignInGuard(next, SignInGuard.fromCdi()));
    }
}
