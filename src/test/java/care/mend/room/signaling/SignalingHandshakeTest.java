package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.security.CurrentUser;
import care.mend.security.Role;
import care.mend.security.ticket.TicketStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignalingHandshakeTest {

    private static final CurrentUser FACILITATOR = new CurrentUser("sub-f", Set.of(Role.FACILITATOR), "");

    private final TicketStore tickets = new TicketStore(Clock.systemUTC(), Duration.ofSeconds(30), new SecureRandom());
    private final SignalingHandshake handshake =
            new SignalingHandshake(AllowedOrigins.parse("http://localhost:8080"), tickets);

    private static Map<String, List<String>> protocols(String... values) {
        return Map.of("sec-websocket-protocol", List.of(values));
    }

    private static Map<String, List<String>> query(String... tickets) {
        return Map.of("ticket", List.of(tickets));
    }

    @Test
    void admitsATicketOfferedAsSubprotocolInAnyHeaderCase() {
        String ticket = tickets.issue(FACILITATOR).value();

        assertThat(handshake.admit(Map.of("Sec-WebSocket-Protocol", List.of("mend.v1, mend.ticket." + ticket)),
                Map.of())).contains(FACILITATOR);
    }

    @Test
    void admitsATicketOfferedInTheQuery() {
        String ticket = tickets.issue(FACILITATOR).value();

        assertThat(handshake.admit(protocols("mend.v1"), query(ticket))).contains(FACILITATOR);
    }

    @Test
    void refusesNoTicketAndDoesNotAdmitTwice() {
        String ticket = tickets.issue(FACILITATOR).value();

        assertThat(handshake.admit(Map.of(), Map.of())).isEmpty();
        assertThat(handshake.admit(protocols("mend.v1"), Map.of())).isEmpty();
        assertThat(handshake.admit(Map.of(), query(ticket))).isPresent();
        assertThat(handshake.admit(Map.of(), query(ticket))).isEmpty();
    }

    @Test
    void twoTicketsAreRefusedAndBothUsedUp() {
        String first = tickets.issue(FACILITATOR).value();
        String second = tickets.issue(FACILITATOR).value();

        assertThat(handshake.admit(protocols("mend.v1", "mend.ticket." + first), query(second))).isEmpty();
        assertThat(tickets.outstanding()).isZero();
    }

    @Test
    void theProtocolVersionMustBeOffered() {
        assertThat(SignalingHandshake.offersVersion(protocols("mend.v1"))).isTrue();
        assertThat(SignalingHandshake.offersVersion(Map.of("Sec-WebSocket-Protocol",
                List.of("mend.ticket.x, mend.v1")))).isTrue();
        assertThat(SignalingHandshake.offersVersion(protocols("mend.v2, mend.ticket.x"))).isFalse();
        assertThat(SignalingHandshake.offersVersion(protocols("mend.v1x"))).isFalse();
        assertThat(SignalingHandshake.offersVersion(Map.of())).isFalse();
    }

    @Test
    void discardUsesUpWhatWasOffered() {
        String ticket = tickets.issue(FACILITATOR).value();

        handshake.discard(protocols("mend.v1,mend.ticket." + ticket), Map.of());

        assertThat(tickets.redeem(ticket)).isEmpty();
    }

    @Test
    void readsOfferedTicketsFromEveryProtocolHeaderLine() {
        assertThat(SignalingHandshake.offeredTickets(protocols("mend.v1", " mend.ticket.abc ,other"), query("xyz")))
                .containsExactly("abc", "xyz");
        assertThat(SignalingHandshake.offeredTickets(null, null)).isEmpty();
    }
}
