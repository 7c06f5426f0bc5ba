package app.proxyme.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import io.helidon.microprofile.testing.junit5.AddConfig;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import java.util.Date;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/vault/token} over plain HTTP: a member gets a scoped token only for a topic their role may answer
 * on, and the token verifies against the published {@code /.well-known/jwks.json}.
 */
@HelidonTest
@AddConfig(key = "server.port", value = "0")
class VaultApiTest {
    static {
        TestServer.useFreshDataDir("proxyme-vault-api-test");
    }

    private Api api;

    @BeforeEach
    void connect() {
        api = new Api("http://localhost:" + TestServer.port());
    }

    @Test
    void a_token_for_a_topic_the_role_may_answer_verifies_against_the_published_keys() throws Exception {
        String jae = api.login("jae@acme.test");
        var reply = api.post("/api/vault/token", jae, "{\"scope\":\"write:suggestions\",\"topic\":\"product\"}");
        assertEquals(200, reply.status(), reply.body());
        long expiresIn = reply.json().get("expires_in").asLong();
        assertTrue(expiresIn > 0 && expiresIn <= 3600, "at most an hour: " + expiresIn);

        SignedJWT token = SignedJWT.parse(reply.json().get("token").asText());
        JWKSet published = JWKSet.parse(api.get("/.well-known/jwks.json", null).body());
        RSAKey key = (RSAKey) published.getKeyByKeyId(token.getHeader().getKeyID());
        assertTrue(key != null && token.verify(new RSASSAVerifier(key)), "signed by a published key");
        var claims = token.getJWTClaimsSet();
        assertEquals("jae@acme.test", claims.getSubject());
        assertEquals("write:suggestions", claims.getStringClaim("scope"));
        assertEquals("product", claims.getStringClaim("topic"));
        assertTrue(claims.getExpirationTime().after(new Date()));
    }

    @Test
    void a_token_for_a_topic_the_role_may_not_answer_is_refused_and_bad_requests_are_named() {
        String jae = api.login("jae@acme.test");
        var refused = api.post("/api/vault/token", jae, "{\"scope\":\"write:suggestions\",\"topic\":\"pricing\"}");
        assertEquals(403, refused.status(), refused.body());
        assertEquals("forbidden_scope", refused.json().get("error").asText());
        assertEquals(
                400,
                api.post("/api/vault/token", jae, "{\"scope\":\"admin:everything\"}")
                        .status());
        assertEquals(
                400,
                api.post("/api/vault/token", jae, "{\"scope\":\"write:suggestions\"}")
                        .status());
        assertEquals(
                401,
                api.post("/api/vault/token", null, "{\"scope\":\"write:suggestions\",\"topic\":\"product\"}")
                        .status());
        var read = api.post("/api/vault/token", jae, "{\"scope\":\"read:transcripts\"}");
        assertEquals(200, read.status(), read.body());
    }
}
