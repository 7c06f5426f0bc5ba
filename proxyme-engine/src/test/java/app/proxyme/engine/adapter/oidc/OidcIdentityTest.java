package app.proxyme.engine.adapter.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.fakes.InMemoryPolicyStore;
import app.proxyme.domain.policy.Member;
import app.proxyme.engine.testsupport.OidcStub;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens of an OpenID provider (a local stub of discovery and JWKS): what is accepted, what is refused, and
 * that the key set is refreshed for an unknown key id, at most once in {@link OidcIdentity#JWKS_REFRESH}.
 */
class OidcIdentityTest {
    private static final Member JAE = new Member("jae@acme.test", "acme", "junior_ae", "Jo");

    private final OidcStub idp;
    private final OidcIdentity identity;

    OidcIdentityTest() throws Exception {
        idp = new OidcStub();
        var members = new InMemoryPolicyStore().put(JAE);
        identity = new OidcIdentity(
                new OidcProvider(idp.issuer(), OidcStub.AUDIENCE, "overlay"), members, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        idp.close();
    }

    @Test
    void a_token_of_the_provider_for_the_api_names_the_member_with_that_subject() {
        assertEquals(JAE, identity.verify(idp.token("auth0|jae@acme.test")).orElseThrow());
        assertEquals(
                JAE,
                identity.verify(idp.es256(idp.claims("auth0|jae@acme.test").build()))
                        .orElseThrow());
    }

    @Test
    void a_verified_email_claim_names_the_member_when_the_subject_does_not() {
        var claims = idp.claims("google-oauth2|1234").claim("email", "JAE@acme.test");
        assertTrue(
                identity.verify(idp.rs256(claims.build())).isEmpty(),
                "an e-mail that is not verified counts for nothing");
        assertEquals(
                JAE,
                identity.verify(idp.rs256(claims.claim("email_verified", true).build()))
                        .orElseThrow());
    }

    @Test
    void tokens_of_anyone_else_for_anything_else_or_out_of_time_are_refused() throws Exception {
        String sub = "auth0|jae@acme.test";
        Instant now = Instant.now();
        assertRefused(idp.token("auth0|nobody@acme.test"), "not a member");
        assertRefused(
                idp.rs256(idp.claims(sub).issuer("https://elsewhere.test/").build()), "another issuer");
        assertRefused(
                idp.rs256(idp.claims(sub).audience("https://other-api.test").build()), "another audience");
        assertRefused(
                idp.rs256(idp.claims(sub)
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))
                        .build()),
                "expired beyond the leeway");
        assertRefused(
                idp.rs256(idp.claims(sub)
                        .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5))))
                        .build()),
                "not yet valid");
        assertRefused(idp.forged(idp.claims(sub).build()), "signed by a key the provider does not publish");
        assertRefused(new PlainJWT(new PlainHeader(), idp.claims(sub).build()).serialize(), "alg none");
        var hs =
                new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), idp.claims(sub).build());
        hs.sign(new MACSigner(new byte[32]));
        assertRefused(hs.serialize(), "HS256 is not a pinned algorithm");
        assertRefused("not.a.token", "garbage");
        assertTrue(identity.login("jae@acme.test").isEmpty(), "no sign-in by e-mail");
    }

    @Test
    void an_unknown_key_id_refreshes_the_key_set_once_not_on_every_token() {
        assertEquals(JAE, identity.verify(idp.token("auth0|jae@acme.test")).orElseThrow());
        int fetched = idp.jwksFetches();
        idp.rotate(); // the provider signs with a new key
        assertEquals(JAE, identity.verify(idp.token("auth0|jae@acme.test")).orElseThrow(), "found after a refresh");
        assertEquals(fetched + 1, idp.jwksFetches());
        for (int i = 0; i < 20; i++) {
            idp.rotate();
            identity.verify(idp.token("auth0|jae@acme.test"));
        }
        assertTrue(
                idp.jwksFetches() <= fetched + 2,
                "unknown key ids refresh at most once in 30 s: " + (idp.jwksFetches() - fetched) + " fetches");
    }

    @Test
    void while_the_provider_cannot_be_reached_no_token_is_accepted_and_the_caller_is_told_why() {
        idp.down(true);
        var e = assertThrows(
                DependencyUnavailableException.class, () -> identity.verify(idp.token("auth0|jae@acme.test")));
        assertEquals("identity provider", e.dependency());
    }

    private void assertRefused(String token, String why) {
        assertTrue(identity.verify(token).isEmpty(), why);
    }
}
