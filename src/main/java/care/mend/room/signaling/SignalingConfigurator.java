package care.mend.room.signaling;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The signaling handshake as the WebSocket container runs it: {@link #checkOrigin} refuses foreign pages, and
 * {@link #modifyHandshake} redeems the offered ticket and leaves the identity in the connection's user properties
 * under {@link #USER_PROPERTY}, where {@link SignalingEndpoint} finds it when the connection opens.
 *
 * <p><b>Why the identity is per connection.</b> The endpoint's {@code ServerEndpointConfig} is shared by every
 * connection, so a container that passed it as it is to {@code modifyHandshake} would let two concurrent handshakes
 * overwrite each other's identity. Undertow (WildFly 39 ships 2.3.23) does not: {@code HandshakeUtil.prepareUpgrade}
 * wraps the shared config in a {@code PerConnectionServerEndpointConfig} with its own copy of the user properties,
 * attaches it to that handshake's exchange, and {@code UndertowSession} copies that map into the session. So a value
 * put here reaches exactly one {@code Session}. {@code SignalingHandshakeIT} checks it with concurrent handshakes of
 * different users. As a tripwire, a handshake that finds an identity already present refuses itself and every later
 * one (a container that shares the map fails closed, loudly).
 *
 * <p>The container instantiates this class itself, so collaborators are looked up from CDI. Nothing here throws:
 * a failure refuses the handshake.
 */
public class SignalingConfigurator extends ServerEndpointConfig.Configurator {

    /** The user property that holds the admitted {@link care.mend.security.CurrentUser}. */
    static final String USER_PROPERTY = "care.mend.signaling.user";
    /** What a shared user-property map is poisoned with, so that no connection is admitted as someone else. */
    static final String SHARED_MAP_MARKER = "care.mend.signaling.shared-map";
    /** What a handshake that does not offer {@code mend.v1} leaves instead of an identity. */
    static final String VERSION_MISSING_MARKER = "care.mend.signaling.version-missing";

    private static final Logger LOG = Logger.getLogger(SignalingConfigurator.class.getName());

    @Override
    public boolean checkOrigin(String originHeaderValue) {
        try {
            // Refusals are logged by SignalingOriginFilter, which every refused handshake reaches.
            return handshake().originAllowed(originHeaderValue);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "MEND-SIGNALING origin check failed; handshake refused", e);
            return false;
        }
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, Object> properties = config.getUserProperties();
        try {
            if (properties.containsKey(USER_PROPERTY)) {
                properties.put(USER_PROPERTY, SHARED_MAP_MARKER);
                LOG.severe("MEND-SIGNALING the WebSocket container shares handshake user properties between "
                        + "connections; refusing all signaling handshakes");
                return;
            }
            if (!SignalingHandshake.offersVersion(request.getHeaders())) {
                handshake().discard(request.getHeaders(), request.getParameterMap());
                properties.put(USER_PROPERTY, VERSION_MISSING_MARKER);
                return;
            }
            handshake().admit(request.getHeaders(), request.getParameterMap())
                    .ifPresent(user -> properties.put(USER_PROPERTY, user));
        } catch (RuntimeException e) {
            properties.remove(USER_PROPERTY);
            LOG.log(Level.SEVERE, "MEND-SIGNALING ticket redemption failed; handshake refused", e);
        }
    }

    private static SignalingHandshake handshake() {
        return CDI.current().select(SignalingHandshake.class).get();
    }
}
