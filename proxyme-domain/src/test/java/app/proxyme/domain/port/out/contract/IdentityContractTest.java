package app.proxyme.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.fakes.InMemoryPolicyStore;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.Identity;
import app.proxyme.domain.port.out.PolicyStore;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Identity} promises: a known member's sign-in yields a token that verifies to that member as
 * stored now; a token that was tampered with, has expired, was issued by another identity, or whose member is gone or
 * moved to another organisation verifies to nobody; and the JWK set holds the public key that checks the tokens'
 * signatures (and no private part). Tokens are JWS compact serialisations (what Auth0 issues too). Extended once per
 * adapter.
 */
public abstract class IdentityContractTest {
    /**
     * A new identity with signing keys of its own (two calls give two identities that do not trust each other),
     * knowing members through {@code members} and telling time by {@code clock}.
     */
    protected abstract Identity identity(PolicyStore members, Clock clock);

    private static final Member JAE = new Member("jae@acme.test", "acme", "junior_ae", "Jo");
    private static final Member AE = new Member("ae@acme.test", "acme", "account_executive", "Alex");

    private final InMemoryPolicyStore members =
            new InMemoryPolicyStore().put(JAE).put(AE);
    private final Contracts.MovableClock clock = new Contracts.MovableClock(Instant.now());
    private Identity identity;

    private Identity identity() {
        if (identity == null) {
            identity = identity(members, clock);
        }
        return identity;
    }

    @Test
    void a_known_members_token_verifies_to_that_member() {
        var signedIn = identity().login(JAE.email()).orElseThrow();

        assertEquals(JAE, signedIn.member());
        assertEquals(Optional.of(JAE), identity().verify(signedIn.token()));
        assertTrue(identity().login("nobody@acme.test").isEmpty(), "an unknown email signs nobody in");
    }

    @Test
    void what_is_not_a_token_verifies_to_nobody() {
        for (String bad : new String[] {null, "", "   ", "not-a-token", "a.b.c"}) {
            assertTrue(identity().verify(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void a_tampered_token_verifies_to_nobody() {
        String[] parts = identity().login(JAE.email()).orElseThrow().token().split("\\.");
        String payload = decode(parts[1]);
        String header = decode(parts[0]);
        String otherMember = encode(payload.replace(JAE.email(), AE.email()));
        String signature = parts[2];
        String flipped = (signature.charAt(10) == 'A' ? "B" : "A");
        String noneHeader = encode(header.replaceAll("\"alg\"\\s*:\\s*\"[^\"]+\"", "\"alg\":\"none\""));

        assertTrue(
                identity()
                        .verify(parts[0] + "." + otherMember + "." + signature)
                        .isEmpty(),
                "the payload names another member");
        assertTrue(
                identity()
                        .verify(parts[0] + "." + parts[1] + "." + signature.substring(0, 10) + flipped
                                + signature.substring(11))
                        .isEmpty(),
                "the signature was changed");
        assertTrue(identity().verify(parts[0] + "." + parts[1] + ".").isEmpty(), "the signature was removed");
        assertTrue(identity().verify(noneHeader + "." + otherMember + ".").isEmpty(), "alg none");
    }

    @Test
    void an_expired_token_verifies_to_nobody() {
        String token = identity().login(JAE.email()).orElseThrow().token();
        String verifiedBefore = identity().login(AE.email()).orElseThrow().token();
        assertEquals(Optional.of(AE), identity().verify(verifiedBefore));

        clock.advance(Duration.ofDays(30));

        assertTrue(identity().verify(token).isEmpty());
        assertTrue(
                identity().verify(verifiedBefore).isEmpty(),
                "a token verified while it was valid is not trusted past its expiry");
    }

    @Test
    void a_token_of_another_identity_verifies_to_nobody() {
        String foreign =
                identity(members, clock).login(JAE.email()).orElseThrow().token();

        assertTrue(identity().verify(foreign).isEmpty());
    }

    @Test
    void a_token_stands_for_the_member_as_stored_now() {
        String jae = identity().login(JAE.email()).orElseThrow().token();
        String ae = identity().login(AE.email()).orElseThrow().token();
        assertEquals(Optional.of(JAE), identity().verify(jae));
        assertEquals(Optional.of(AE), identity().verify(ae));

        var promoted = new Member(JAE.email(), "acme", "account_executive", "Jo");
        members.put(promoted);
        members.remove(AE.email());

        assertEquals(Optional.of(promoted), identity().verify(jae), "the role is the one stored now");
        assertTrue(identity().verify(ae).isEmpty(), "a removed member's token verifies to nobody");

        members.put(new Member(JAE.email(), "globex", "account_executive", "Jo"));
        assertTrue(identity().verify(jae).isEmpty(), "a token of one organisation is no good in another");
    }

    @Test
    void the_jwk_set_holds_the_public_key_that_checks_the_signature_and_no_private_part() throws Exception {
        String[] parts = identity().login(JAE.email()).orElseThrow().token().split("\\.");
        String header = decode(parts[0]);
        assertEquals("RS256", field(header, "alg"));
        String kid = field(header, "kid");

        List<?> keys = assertInstanceOf(List.class, identity().jwks().get("keys"));
        Map<?, ?> key = keys.stream()
                .map(k -> (Map<?, ?>) k)
                .filter(k -> kid.equals(k.get("kid")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no key " + kid + " in " + keys));

        assertEquals("RSA", key.get("kty"));
        for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi")) {
            assertFalse(key.containsKey(privatePart), "the JWK set must not hold " + privatePart);
        }
        var publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, Base64.getUrlDecoder().decode((String) key.get("n"))),
                        new BigInteger(1, Base64.getUrlDecoder().decode((String) key.get("e")))));
        var rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(publicKey);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(rs256.verify(Base64.getUrlDecoder().decode(parts[2])), "the published key checks the signature");
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
