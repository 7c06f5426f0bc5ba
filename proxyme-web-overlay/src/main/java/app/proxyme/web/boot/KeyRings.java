package app.proxyme.web.boot;

import app.proxyme.engine.adapter.jose.EmbeddedIdentity;
import app.proxyme.engine.adapter.jose.EmbeddedTokenVault;
import app.proxyme.engine.audit.MeetingShares;
import app.proxyme.engine.keys.KeyFiles;
import app.proxyme.engine.keys.KeyRing;
import app.proxyme.engine.keys.KeyStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The instance's signing keys, one ring per purpose, all in the database that every instance shares: identity
 * tokens, vault tokens, share links and audit checkpoints. Each ring's first key is the one an earlier version kept in
 * the data directory, if there is one. A new key is published {@link #PUBLISH_AHEAD} before it signs; identity,
 * vault and share keys then verify as long as the tokens they signed live, audit keys for ever.
 *
 * @param identity signs embedded identity tokens (12 h)
 * @param vault signs scoped vault tokens (5 min)
 * @param share signs share links (up to 7 days)
 * @param audit seals retention checkpoints
 */
record KeyRings(KeyRing identity, KeyRing vault, KeyRing share, KeyRing audit) {
    /** Longer than any instance takes to re-read a ring ({@link KeyRing#REREAD}) and than JWK set caches keep. */
    static final Duration PUBLISH_AHEAD = Duration.ofMinutes(10);

    static KeyRings open(KeyStore store, Path legacyDir, Duration rotateEvery, Clock clock) {
        Duration every = rotateEvery.isZero() ? null : rotateEvery;
        return new KeyRings(
                KeyRing.open(
                        store,
                        "identity",
                        KeyRing.Kind.RSA,
                        new KeyRing.Rotation(every, PUBLISH_AHEAD, EmbeddedIdentity.TOKENS_LIVE_FOR),
                        clock,
                        KeyFiles.rsa(legacyDir, "identity")),
                KeyRing.open(
                        store,
                        "vault",
                        KeyRing.Kind.RSA,
                        new KeyRing.Rotation(every, PUBLISH_AHEAD, EmbeddedTokenVault.LIFETIME),
                        clock,
                        KeyFiles.rsa(legacyDir, "vault")),
                KeyRing.open(
                        store,
                        "share",
                        KeyRing.Kind.HMAC,
                        new KeyRing.Rotation(every, PUBLISH_AHEAD, Duration.ofMinutes(MeetingShares.MAX_TTL_MINUTES)),
                        clock,
                        KeyFiles.secret(legacyDir, "share")),
                KeyRing.open(
                        store,
                        "audit",
                        KeyRing.Kind.RSA,
                        new KeyRing.Rotation(every, PUBLISH_AHEAD, null),
                        clock,
                        KeyFiles.rsa(legacyDir, "audit")));
    }

    List<KeyRing> all() {
        return List.of(identity, vault, share, audit);
    }
}
