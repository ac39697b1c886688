package care.mend.program;

import care.mend.security.AccessPolicy;
import care.mend.security.ReadAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The fixed lists a patient picks their place from and an admin picks licensed states from ({@link Jurisdiction}). */
@Path("jurisdictions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jurisdictions", description = "US states, DC, territories and countries, for licensure")
public class JurisdictionResource {

    private AccessPolicy access;

    public JurisdictionResource() {
        // for CDI proxies; RESTEasy also insists on a public constructor it could call itself
    }

    @Inject
    public JurisdictionResource(AccessPolicy access) {
        this.access = access;
    }

    /** One entry of a list: the code to send ({@code US-IL}, {@code FR}), the USPS code for US ones, the name. */
    public record Entry(String code, String usps, String name) {
    }

    /** The US jurisdictions in list order, then the countries outside the US by code. */
    public record JurisdictionsResponse(List<Entry> us, List<Entry> countries) {
    }

    @GET
    @ReadAccess(ReadAccess.Rule.ANY_ROLE)
    @Operation(summary = "The US states, DC and territories (USPS codes) and the countries outside the US (ISO 3166-1"
            + " alpha-2) a stated location and a licensed state are chosen from")
    public JurisdictionsResponse list() {
        access.requireAnyRole();
        List<Entry> us = Jurisdiction.usJurisdictions().entrySet().stream()
                .map(e -> new Entry("US-" + e.getKey(), e.getKey(), e.getValue())).toList();
        List<Entry> countries = Jurisdiction.countriesOutsideUs().stream()
                .map(code -> new Entry(code, null, Jurisdiction.of(code).displayName())).toList();
        return new JurisdictionsResponse(us, countries);
    }
}
