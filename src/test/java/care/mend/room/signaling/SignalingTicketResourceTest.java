package care.mend.room.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import care.mend.security.CurrentUser;
import care.mend.security.Role;
import care.mend.security.ticket.TicketStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignalingTicketResourceTest {

    private final TicketStore tickets = new TicketStore(Clock.systemUTC(), Duration.ofSeconds(30), new SecureRandom());

    @Test
    void issuesATicketBoundToTheCaller() {
        CurrentUser patient = new CurrentUser("sub-p", Set.of(Role.PATIENT), "10.0.0.1");

        TicketResponse body = SignalingTicketResource.ticketFor(patient, tickets).orElseThrow();

        assertThat(body.toString()).doesNotContain(body.ticket());
        assertThat(tickets.redeem(body.ticket())).contains(patient);
    }

    @Test
    void aCallerWithoutAMendRoleGetsNoTicket() {
        CurrentUser stranger = new CurrentUser("sub-x", Set.of(), "");

        assertThat(SignalingTicketResource.ticketFor(stranger, tickets)).isEmpty();
        assertThat(tickets.outstanding()).isZero();
    }
}
