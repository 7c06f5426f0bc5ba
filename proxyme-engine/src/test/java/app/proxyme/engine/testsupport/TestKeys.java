package app.proxyme.engine.testsupport;

import app.proxyme.engine.audit.seal.CheckpointSeal;
import app.proxyme.engine.keys.KeyRing;
import java.time.Clock;

/** Keys of a test's own, in memory: nothing shared with another test or a server. */
public final class TestKeys {
    private TestKeys() {}

    /** A fresh RSA ring of {@code purpose}. */
    public static KeyRing rsa(String purpose) {
        return KeyRing.ephemeral(purpose, KeyRing.Kind.RSA, Clock.systemUTC());
    }

    /** A checkpoint seal with a fresh audit key. */
    public static CheckpointSeal seal() {
        return new CheckpointSeal(rsa("audit"));
    }
}
