package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.it.aci.GatewayHttp;
import app.proxyme.it.aci.SeedExample;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed's cross-domain example as README runs it ({@code examples/aci-seed.sh}): three external agents over HTTP
 * only, two consents, the tone kept to the last hop, and the timeline printed.
 */
@ExtendWith(ArquillianExtension.class)
class AciSeedExampleIT {
    @Deployment(testable = false)
    static JavaArchive proxyMe() {
        return Deployments.proxyMe();
    }

    @ArquillianResource
    URL base;

    @Test
    void the_seeds_example_runs_three_external_agents_to_a_timeline_and_keeps_the_tone() {
        var printed = new ByteArrayOutputStream();
        SeedExample.Result result = new SeedExample(
                        new GatewayHttp(base.toString()), new PrintStream(printed, true, StandardCharsets.UTF_8))
                .run();

        JsonNode hops = result.timeline().get("hops");
        assertEquals(3, hops.size(), result.timeline().toString());
        hops.forEach(h -> assertEquals("DELIVERED", h.get("status").asText(), h.toString()));
        assertEquals("casual-technical", result.toneAtReasoner());
        assertTrue(result.answer().startsWith("Short version"), result.answer());
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(
                text.contains(
                        "ae@acme.test is asked: Finance Advisor wants to \"Ask the finance agent; View your investment goals\""),
                text);
        assertTrue(!text.contains("eyJ"), "no bearer token is printed");
        assertTrue(text.contains("→ ALLOWED_ONCE"), text);
        assertTrue(text.contains("hop 3"), text);
        assertTrue(text.contains("signature"), text);
        assertTrue(
                result.timeline().get("summary").get("accessed").toString().contains("read:investment_goals"),
                result.timeline().toString());
    }
}
