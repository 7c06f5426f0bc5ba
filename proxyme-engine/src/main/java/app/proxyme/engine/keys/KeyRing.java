package app.proxyme.engine.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The generations of one purpose's key, shared by every instance through a {@link KeyStore}. The newest generation
 * whose {@code signsFrom} has come signs; every generation not yet retired verifies, so tokens signed before a
 * rotation stay valid until they expire. A rotation publishes the new key {@link Rotation#publishAhead} before it
 * signs, so that every instance (which re-reads the store every {@link #REREAD}) and every reader of the JWK set
 * knows it before the first token it signs; the older keys then verify for {@link Rotation#tokensLiveFor} more.
 * Instances creating the same generation at once agree on one: the store keeps the first.
 */
public final class KeyRing {
    private static final Logger LOG = Logger.getLogger(KeyRing.class.getName());
    /** How old this instance's copy of the ring may get before it is read again. */
    public static final Duration REREAD = Duration.ofSeconds(30);
    /** An unknown key id is looked up in the store at most this often. */
    static final Duration MISS_REREAD = Duration.ofSeconds(1);

    /** What a purpose's keys are. */
    public enum Kind {
        /** RS256 key pairs of 2048 bits, with RFC 7638 thumbprints as ids. */
        RSA,
        /** 256-bit HMAC-SHA256 secrets. */
        HMAC
    }

    /**
     * When a purpose's key is replaced.
     *
     * @param every a new key after this age ({@code null}: only when asked)
     * @param publishAhead how long a new key is published before it signs
     * @param tokensLiveFor how long an older key verifies after the new one signs ({@code null}: for ever, as for
     *     checkpoint seals that must verify as long as the trail exists)
     */
    public record Rotation(Duration every, Duration publishAhead, Duration tokensLiveFor) {
        public Rotation {
            Objects.requireNonNull(publishAhead, "publishAhead");
            if (every != null && (every.isNegative() || every.isZero())) {
                throw new IllegalArgumentException("keys rotate after a positive age: " + every);
            }
        }
    }

    private final KeyStore store;
    private final String purpose;
    private final Kind kind;
    private final Rotation rotation;
    private final Clock clock;
    private volatile Ring ring;

    /** The keys as read at {@code readAt}, newest generation first. */
    private record Ring(List<RingKey> keys, Instant readAt) {}

    private KeyRing(KeyStore store, String purpose, Kind kind, Rotation rotation, Clock clock) {
        this.store = store;
        this.purpose = purpose;
        this.kind = kind;
        this.rotation = rotation;
        this.clock = clock;
    }

    /**
     * Reads the ring of {@code purpose}, creating its first key when the store has none: {@code adopt} (the key an
     * earlier version kept in its data directory, so that what it signed stays valid) or a fresh one.
     */
    public static KeyRing open(
            KeyStore store, String purpose, Kind kind, Rotation rotation, Clock clock, Optional<byte[]> adopt) {
        var ring = new KeyRing(store, purpose, kind, rotation, clock);
        if (store.keys(purpose).isEmpty()) {
            Instant now = clock.instant();
            byte[] material = adopt.orElseGet(kind == Kind.RSA ? KeyRing::freshRsa : KeyRing::freshSecret);
            store.add(new StoredKey(purpose, 1, kidOf(kind, material), material, now, Instant.EPOCH, null));
        }
        ring.reread();
        return ring;
    }

    /** A ring of its own (in memory), for tests, benchmarks and throwaway databases. */
    public static KeyRing ephemeral(String purpose, Kind kind, Clock clock) {
        return open(
                new InMemoryKeyStore(),
                purpose,
                kind,
                new Rotation(null, Duration.ZERO, null),
                clock,
                Optional.empty());
    }

    public String purpose() {
        return purpose;
    }

    /** The key that signs now. */
    public RingKey signing() {
        Instant now = clock.instant();
        return current().keys().stream()
                .filter(k -> !k.signsFrom().isAfter(now))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + purpose + " key signs yet"));
    }

    /** The key {@code kid}, if it verifies now; an unknown id is looked up in the store (at most once a second). */
    public Optional<RingKey> find(String kid) {
        if (kid == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Ring r = current();
        Optional<RingKey> found =
                r.keys().stream().filter(k -> k.kid().equals(kid)).findFirst();
        if (found.isEmpty() && !now.isBefore(r.readAt().plus(MISS_REREAD))) {
            found = reread().keys().stream().filter(k -> k.kid().equals(kid)).findFirst();
        }
        return found.filter(k -> k.verifiesAt(now));
    }

    /** Every key that verifies now (also a key published ahead of signing), newest first. */
    public List<RingKey> verifying() {
        Instant now = clock.instant();
        return current().keys().stream().filter(k -> k.verifiesAt(now)).toList();
    }

    /** The public keys that verify now, as a JWK set (RFC 7517), newest first. */
    public Map<String, Object> publicJwks() {
        var byId = new LinkedHashMap<String, RSAPublicKey>();
        verifying().forEach(k -> byId.put(k.kid(), k.publicKey()));
        return Jwks.set(byId);
    }

    /**
     * Adds a new generation when the newest is older than {@link Rotation#every} (on one instance at a time: the
     * caller holds a lease; should two race, the store keeps one).
     *
     * @return whether a new key was made
     */
    public boolean rotateIfDue() {
        if (rotation.every() == null) {
            return false;
        }
        RingKey newest = reread().keys().get(0);
        if (clock.instant().isBefore(newest.createdAt().plus(rotation.every()))) {
            return false;
        }
        rotate(rotation.publishAhead());
        return true;
    }

    /**
     * Adds a new generation that signs after {@code publishAhead} (zero: at once, for a key that must go now), and
     * lets the older ones verify for {@link Rotation#tokensLiveFor} after that.
     */
    public RingKey rotate(Duration publishAhead) {
        Instant now = clock.instant();
        int next = reread().keys().get(0).generation() + 1;
        byte[] material = kind == Kind.RSA ? freshRsa() : freshSecret();
        Instant signsFrom = now.plus(publishAhead);
        if (store.add(new StoredKey(purpose, next, kidOf(kind, material), material, now, signsFrom, null))) {
            if (rotation.tokensLiveFor() != null) {
                store.retireBelow(purpose, next, signsFrom.plus(rotation.tokensLiveFor()));
            }
            LOG.info(() -> purpose + " key #" + next + " made; it signs from " + signsFrom);
        }
        return reread().keys().stream()
                .filter(k -> k.generation() == next)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(purpose + " key #" + next + " was not kept"));
    }

    private Ring current() {
        Ring r = ring;
        if (!clock.instant().isBefore(r.readAt().plus(REREAD))) {
            try {
                r = reread();
            } catch (RuntimeException e) {
                // the store is unreachable: keep using the keys read last, and try again after REREAD
                LOG.log(Level.WARNING, "cannot re-read the " + purpose + " keys: " + e.getMessage());
                r = new Ring(r.keys(), clock.instant());
                ring = r;
            }
        }
        return r;
    }

    private synchronized Ring reread() {
        List<RingKey> keys = store.keys(purpose).stream()
                .sorted(Comparator.comparingInt(StoredKey::generation).reversed())
                .map(k -> RingKey.of(k, kind))
                .toList();
        if (keys.isEmpty()) {
            throw new IllegalStateException("the " + purpose + " keys are gone from the store");
        }
        Ring r = new Ring(keys, clock.instant());
        ring = r;
        return r;
    }

    private static String kidOf(Kind kind, byte[] material) {
        return kind == Kind.RSA
                ? Jwks.thumbprint(RingKey.rsaPublic(RingKey.rsaPrivate(material)))
                : RingKey.secretId(material);
    }

    private static byte[] freshRsa() {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return gen.generateKeyPair().getPrivate().getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }

    private static byte[] freshSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}
