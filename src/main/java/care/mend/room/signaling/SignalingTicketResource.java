package care.mend.room.signaling;

import care.mend.security.WriteAccess;
import care.mend.security.AccessPolicy;
import care.mend.security.CurrentUser;
import care.mend.security.ticket.IssuedTicket;
import care.mend.security.ticket.TicketStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Issues the single-use ticket that admits the caller to the signaling socket. Authenticated like the rest of
 * {@code /api} (a bearer token or the page session); any Mend role may ask. The ticket carries the caller's subject
 * and roles as they are now; it is never logged, and the response must not be cached.
 */
@Path("signaling/tickets")
@RequestScoped
@Tag(name = "Signaling", description = "Admission to the signaling WebSocket")
public class SignalingTicketResource {

    @Inject
    CurrentUser user;

    @Inject
    TicketStore tickets;

    @Inject
    AccessPolicy access;

    @POST
    @WriteAccess(WriteAccess.Rule.ANY_ROLE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A single-use ticket for opening /signaling, valid for seconds")
    public Response issue() {
        access.requireAnyRole();
        TicketResponse ticket = ticketFor(user, tickets).orElseThrow(ForbiddenException::new);
        return Response.ok(ticket).header("Cache-Control", "no-store").build();
    }

    /** A ticket for a caller with at least one Mend role; none for someone signed in to the realm without one. */
    static Optional<TicketResponse> ticketFor(CurrentUser caller, TicketStore store) {
        if (caller.roles().isEmpty()) {
            return Optional.empty();
        }
        IssuedTicket ticket = store.issue(caller);
        return Optional.of(new TicketResponse(ticket.value(), ticket.expiresAt()));
    }
}
