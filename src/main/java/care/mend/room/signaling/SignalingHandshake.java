package care.mend.room.signaling;

import care.mend.security.CurrentUser;
import care.mend.security.ticket.TicketStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of admission to the signaling socket, free of the WebSocket API so that they can be tested without a
 * server: is the page's origin allowed, and which identity does the offered ticket carry.
 *
 * <p>A client offers its ticket either as the subprotocol {@code mend.ticket.<ticket>} next to {@code mend.v1}
 * (preferred: it stays out of URLs and access logs) or as the query parameter {@code ticket}. Every ticket offered
 * is used up, whatever the outcome; a handshake is admitted only if exactly one ticket was offered and it was
 * valid. Offering two is refused rather than guessed at.
 */
public final class SignalingHandshake {

    /** The protocol version the server selects. */
    public static final String SUBPROTOCOL = "mend.v1";
    /** The prefix of the subprotocol that carries a ticket. */
    public static final String TICKET_SUBPROTOCOL_PREFIX = "mend.ticket.";
    /** The query parameter that carries a ticket. */
    public static final String TICKET_PARAMETER = "ticket";

    private static final String SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol";

    private final AllowedOrigins origins;
    private final TicketStore tickets;

    public SignalingHandshake(AllowedOrigins origins, TicketStore tickets) {
        this.origins = Objects.requireNonNull(origins, "origins");
        this.tickets = Objects.requireNonNull(tickets, "tickets");
    }

    public boolean originAllowed(String origin) {
        return origins.allows(origin);
    }

    public AllowedOrigins origins() {
        return origins;
    }

    /**
     * The identity to admit, if exactly one ticket is offered and it redeems; every offered ticket is used up.
     *
     * @param headers    the handshake's request headers (names in any case)
     * @param parameters the handshake's query parameters
     */
    public Optional<CurrentUser> admit(Map<String, List<String>> headers, Map<String, List<String>> parameters) {
        List<String> offered = offeredTickets(headers, parameters);
        List<CurrentUser> redeemed = new ArrayList<>(offered.size());
        for (String ticket : offered) {
            tickets.redeem(ticket).ifPresent(redeemed::add);
        }
        return offered.size() == 1 && redeemed.size() == 1 ? Optional.of(redeemed.get(0)) : Optional.empty();
    }

    /**
     * Whether the handshake offers the protocol version among its subprotocols. A client that offers none would get a
     * socket with no protocol selected (a browser that offered others aborts it): such a handshake is refused, and
     * its ticket used up, whether the ticket came as a subprotocol or in the query.
     */
    public static boolean offersVersion(Map<String, List<String>> headers) {
        if (headers == null) {
            return false;
        }
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (!SUBPROTOCOL_HEADER.equalsIgnoreCase(header.getKey()) || header.getValue() == null) {
                continue;
            }
            for (String value : header.getValue()) {
                if (value != null && java.util.Arrays.stream(value.split(",")).map(String::trim)
                        .anyMatch(SUBPROTOCOL::equals)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Uses up every offered ticket of a handshake that is refused for another reason (a foreign origin). */
    public void discard(Map<String, List<String>> headers, Map<String, List<String>> parameters) {
        for (String ticket : offeredTickets(headers, parameters)) {
            tickets.redeem(ticket);
        }
    }

    /** The tickets a handshake offers, from its subprotocols and its query, in that order. */
    static List<String> offeredTickets(Map<String, List<String>> headers, Map<String, List<String>> parameters) {
        List<String> offered = new ArrayList<>();
        if (headers != null) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (!SUBPROTOCOL_HEADER.equalsIgnoreCase(header.getKey()) || header.getValue() == null) {
                    continue;
                }
                for (String value : header.getValue()) {
                    if (value == null) {
                        continue;
                    }
                    for (String protocol : value.split(",")) {
                        String trimmed = protocol.trim();
                        if (trimmed.startsWith(TICKET_SUBPROTOCOL_PREFIX)) {
                            offered.add(trimmed.substring(TICKET_SUBPROTOCOL_PREFIX.length()));
                        }
                    }
                }
            }
        }
        if (parameters != null) {
            List<String> values = parameters.get(TICKET_PARAMETER);
            if (values != null) {
                for (String value : values) {
                    if (value != null) {
                        offered.add(value);
                    }
                }
            }
        }
        return offered;
    }
}
