package app.proxyme.web.boot;

import app.proxyme.engine.adapter.jose.EmbeddedAgentTokens;
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
 * @param agents signs embedded ACI agent tokens (15 min)
 */
record KeyRings(KeyRing identity, KeyRing vault, KeyRing share, KeyRing audit, KeyRing agents) {
    /** Longer than any instance takes to re-read a ring ({@link KeyRing#REREAD}) and than JWK set caches keep. */
    static final Duration PUBLISH_AHEAD = Duration.ofMinutes(10);

    static KeyRings open(KeyStore store, Path legacyDir, Duration rotateEvery, Clock clock) {
        var rings = new Opener(store, legacyDir, rotateEvery.isZero() ? null : rotateEvery, clock);
        return new KeyRings(
                rings.ring("identity", KeyRing.Kind.RSA, EmbeddedIdentity.TOKENS_LIVE_FOR),
                rings.ring("vault", KeyRing.Kind.RSA, EmbeddedTokenVault.LIFETIME),
                rings.ring("share", KeyRing.Kind.HMAC, Duration.ofMinutes(MeetingShares.MAX_TTL_MINUTES)),
                rings.ring("audit", KeyRing.Kind.RSA, null),
                rings.ring("agents", KeyRing.Kind.RSA, EmbeddedAgentTokens.LIFETIME));
    }

    /** Opens each purpose's ring on one store, rotation age and legacy key directory. */
    private record Opener(KeyStore store, Path legacyDir, Duration every, Clock clock) {
        KeyRing ring(String purpose, KeyRing.Kind kind, Duration tokensLiveFor) {
            return KeyRing.open(
                    store,
                    purpose,
                    kind,
                    new KeyRing.Rotation(every, PUBLISH_AHEAD, tokensLiveFor),
                    clock,
                    KeyFiles.of(legacyDir, purpose, kind));
        }
    }

    List<KeyRing> all() {
        return List.of(identity, vault, share, audit, agents);
    }
}
