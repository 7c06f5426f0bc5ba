package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import org.junit.jupiter.api.Test;

/**
 * ACI agents signed in by Auth0 ({@code PROXYME_ACI_AGENT_AUTH=auth0}), over plain HTTP: the embedded stand-in for
 * Auth0 M2M, {@code POST /api/aci/token}, is not there (404), and an agent call without an Auth0 token of the tenant is
 * refused as ACI.md says. The tenant is never reached: nothing here is a token it issued.
 */
@HelidonTest
@AddConfig(key = "server.port", value = "0")
@AddConfig(key = "proxyme.aci.agent.auth", value = "auth0")
@AddConfig(key = "proxyme.auth0.domain", value = "http://127.0.0.1:9")
@AddConfig(key = "proxyme.aci.audience", value = "https://aci.proxyme.test")
class AciAuth0AgentsTest {
    static {
        TestServer.useFreshDataDir("proxyme-aci-auth0-test");
    }

    @Test
    void the_token_endpoint_is_not_found_and_an_agent_without_an_auth0_token_is_refused() {
        var api = new Api("http://localhost:" + TestServer.port());

        var token = api.post(
                "/api/aci/token",
                null,
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=ac_any&client_secret=any");
        assertEquals(404, token.status(), token.body());

        var inbox = api.get("/api/aci/inbox", "not-a-jwt");
        assertEquals(401, inbox.status(), inbox.body());
        assertEquals("invalid_agent_token", inbox.json().get("error").asText(), inbox.body());
    }
}
