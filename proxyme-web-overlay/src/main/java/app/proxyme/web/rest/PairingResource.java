package app.proxyme.web.rest;

import app.proxyme.domain.port.in.PairDevice;
import app.proxyme.web.boot.PhoneReach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/pairing}: the signed-in user asks for a one-time code that pairs their phone ({@code POST}); the phone
 * redeems it once for a token that opens the user's approvals ({@code POST /api/pairing/{code}}; used, expired or
 * unknown → 410). The code travels in the link's fragment ({@code /approve#code=…}), which browsers never send to a
 * server, so it stays out of access logs and referrers.
 */
@ApplicationScoped
@Path("/api/pairing")
@Produces(MediaType.APPLICATION_JSON)
public class PairingResource {
    static final String PHONE_PAGE = "/approve";

    private final PairDevice pairing;
    private final PhoneReach reach;

    @Inject
    public PairingResource(PairDevice pairing, PhoneReach reach) {
        this.pairing = pairing;
        this.reach = reach;
    }

    protected PairingResource() {
        this(null, null);
    }

    @POST
    public Response start(@Context ContainerRequestContext rq, @Context UriInfo uri) {
        PairDevice.Pairing p = pairing.start(Caller.of(rq));
        String url = reach.base(uri.getBaseUri()) + PHONE_PAGE + "#code=" + p.code();
        var out = new LinkedHashMap<String, Object>();
        out.put("code", p.code());
        out.put("url", url);
        out.put("expiresAt", p.expiresAt().toString());
        out.put("qr", QrCode.svgDataUri(url));
        out.put("phoneReachable", reach.reachable());
        if (!reach.reachable()) {
            out.put(
                    "hint",
                    "This demo server listens on 127.0.0.1 only, so a phone cannot reach it. Start it with"
                            + " PROXYME_DEMO_EXPOSED=true (or set PROXYME_PUBLIC_URL to an address a phone can"
                            + " reach), or open the link on this computer.");
        }
        return noStore(Response.ok(out));
    }

    @POST
    @Path("/{code}")
    public Response redeem(@PathParam("code") String code) {
        return pairing.redeem(code)
                .map(s -> noStore(Response.ok(Map.of(
                        "token", s.token(),
                        "user", s.member().email(),
                        "name", s.member().displayName()))))
                .orElseGet(() -> noStore(Response.status(Response.Status.GONE)
                        .entity(Map.of(
                                "error",
                                "gone",
                                "message",
                                "this pairing code was used already, has expired, or does not exist:"
                                        + " show a new one in the overlay"))));
    }

    /** Codes and tokens are never cached. */
    private static Response noStore(Response.ResponseBuilder r) {
        return r.header("Cache-Control", "no-store").build();
    }
}
