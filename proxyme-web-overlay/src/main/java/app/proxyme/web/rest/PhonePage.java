package app.proxyme.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /approve}: the phone page. Its pairing code arrives in the URL's fragment, which never reaches a server;
 * the page is never cached and sends no referrer.
 */
@ApplicationScoped
@Path(PairingResource.PHONE_PAGE)
public class PhonePage {
    private static final byte[] HTML = read("/web/approve.html");

    @GET
    public Response page() {
        return Response.ok(HTML, "text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header(
                        "Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'")
                .build();
    }

    private static byte[] read(String resource) {
        try (InputStream in = PhonePage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the phone page is missing from the build: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
