package app.proxyme.engine.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.port.out.contract.Contracts.MovableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key rotation without downtime: a new key is published before it signs, and old keys verify until retired. */
class KeyRingTest {
    private static final Duration EVERY = Duration.ofDays(90);
    private static final Duration AHEAD = Duration.ofMinutes(10);
    private static final Duration TOKENS = Duration.ofHours(12);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final KeyStore store = new InMemoryKeyStore();

    private KeyRing ring(KeyRing.Kind kind) {
        return KeyRing.open(
                store, "identity", kind, new KeyRing.Rotation(EVERY, AHEAD, TOKENS), clock, Optional.empty());
    }

    @Test
    void a_rotation_publishes_the_new_key_first_then_signs_with_it_while_the_old_one_verifies_until_retired() {
        KeyRing ring = ring(KeyRing.Kind.RSA);
        RingKey first = ring.signing();
        assertFalse(ring.rotateIfDue(), "not 90 days old yet");

        clock.advance(EVERY);
        assertTrue(ring.rotateIfDue());
        RingKey second = ring.verifying().get(0);
        assertNotEquals(first.kid(), second.kid());
        assertEquals(first.kid(), ring.signing().kid(), "published, not signing yet");
        assertEquals(List.of(second.kid(), first.kid()), kids(ring.publicJwks()), "the JWK set lists both");

        clock.advance(AHEAD);
        assertEquals(second.kid(), ring.signing().kid(), "the new key signs");
        assertTrue(ring.find(first.kid()).isPresent(), "what the old key signed still verifies");

        clock.advance(TOKENS.minusSeconds(1));
        assertTrue(ring.find(first.kid()).isPresent());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(ring.find(first.kid()).isEmpty(), "retired once its tokens have expired");
        assertEquals(List.of(second.kid()), kids(ring.publicJwks()));
        assertFalse(ring.rotateIfDue(), "the new key is young");
    }

    @Test
    void instances_opening_an_empty_store_at_once_agree_on_one_key_and_see_each_others_rotations() {
        KeyRing a = ring(KeyRing.Kind.HMAC);
        KeyRing b = ring(KeyRing.Kind.HMAC);
        assertEquals(a.signing().kid(), b.signing().kid());
        assertEquals(1, store.keys("identity").size());

        clock.advance(EVERY);
        RingKey made = a.rotate(Duration.ZERO);
        assertTrue(b.find(made.kid()).isPresent(), "an unknown key id is looked up in the store");
        clock.advance(KeyRing.REREAD);
        assertEquals(made.kid(), b.signing().kid(), "b re-reads the ring and signs with the new key");
        assertEquals(2, store.keys("identity").size());
    }

    @Test
    void a_key_kept_in_the_data_directory_by_an_earlier_version_is_adopted_as_the_first(@TempDir Path dir) {
        KeyRing earlier = KeyRing.ephemeral("audit", KeyRing.Kind.RSA, clock);
        KeyFiles.write(
                dir, "audit", KeyRing.Kind.RSA, earlier.signing().privateKey().getEncoded());

        KeyRing adopted = KeyRing.open(
                store,
                "audit",
                KeyRing.Kind.RSA,
                new KeyRing.Rotation(null, AHEAD, null),
                clock,
                KeyFiles.rsa(dir, "audit"));

        assertEquals(earlier.signing().kid(), adopted.signing().kid());
        clock.advance(Duration.ofDays(10_000));
        assertFalse(adopted.rotateIfDue(), "a ring without a rotation age keeps its key");
    }

    @SuppressWarnings("unchecked")
    private static List<String> kids(java.util.Map<String, Object> jwks) {
        return ((List<java.util.Map<String, Object>>) jwks.get("keys"))
                .stream().map(k -> (String) k.get("kid")).toList();
    }
}
