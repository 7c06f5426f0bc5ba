package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.web.Api;
import app.proxyme.web.WsClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Connected FGA that fails: the whole server, through the fault-tolerance guard, never answers AUTO, generates no
 * suggestion, and says authorization is unavailable.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FgaUnavailableIT {
    private static HttpServer failingFga;

    @Deployment(testable = false)
    static JavaArchive proxyMe() {
        try {
            failingFga = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        failingFga.createContext("/", ex -> {
            byte[] body = "{\"code\":\"internal_error\",\"message\":\"down\"}".getBytes();
            ex.sendResponseHeaders(500, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        failingFga.start();
        String config = "proxyme.fga=openfga\n"
                + "proxyme.fga.api.url=http://127.0.0.1:"
                + failingFga.getAddress().getPort() + "\n"
                + "proxyme.fga.store.id=01HSTORE0000000000000000000\n"
                + "proxyme.fga.model.id=01HMODEL0000000000000000000\n"
                + "proxyme.fga.timeout.ms=500\n";
        return Deployments.proxyMe(config);
    }

    @ArquillianResource
    URL base;

    @Test
    void an_unreachable_fga_never_yields_auto_and_says_so() {
        String root = base.toString().replaceAll("/$", "");
        var api = new Api(root);
        var reply = api.post(
                "/api/policy/evaluate",
                api.login("se@acme.test"),
                "{\"user\":\"se@acme.test\",\"text\":\"Does the platform have an API for pulling reports into our BI tool?\"}");
        assertEquals(200, reply.status(), reply.body());
        assertNotEquals("AUTO", reply.json().get("outcome").asText(), reply.body());
        assertTrue(reply.body().contains("authorization unavailable"), reply.body());

        try (var c = WsClient.connect(root.replaceFirst("^http", "ws"), "fga-down", api.login("se@acme.test"))) {
            c.awaitType("state");
            c.chunk(1, "Does the platform have an API for pulling reports into our BI tool?");
            JsonNode d = c.awaitType("decision", 1);
            assertNotEquals("AUTO", d.get("outcome").asText(), d.toString());
            assertTrue(d.get("reason").asText().contains("authorization unavailable"), d.toString());
            assertTrue(!d.path("suggestionFollows").asBoolean(false), d.toString());
        } finally {
            failingFga.stop(0);
        }
    }
}
