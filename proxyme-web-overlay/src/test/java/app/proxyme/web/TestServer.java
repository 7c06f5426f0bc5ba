package app.proxyme.web;

import app.proxyme.engine.keys.InMemoryKeyStore;
import app.proxyme.engine.keys.KeyFiles;
import app.proxyme.engine.keys.KeyRing;
import io.helidon.microprofile.server.ServerCdiExtension;
import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The server a {@code @HelidonTest} started: a fresh data directory for it, and where it listens. */
public final class TestServer {
    private TestServer() {}

    /**
     * Points {@code proxyme.data.dir} at a new directory; call before the server starts (a static block). It holds an
     * identity key and a share-link secret as an earlier version kept them, which the server adopts as the first keys
     * of its rings: so a test can sign what the server accepts ({@link #serverKeys}).
     */
    public static void useFreshDataDir(String name) {
        try {
            Path dir = Files.createTempDirectory(name);
            System.setProperty("proxyme.data.dir", dir.toString());
            byte[] identity = KeyRing.ephemeral("identity", KeyRing.Kind.RSA, Clock.systemUTC())
                    .signing()
                    .privateKey()
                    .getEncoded();
            KeyFiles.write(dir.resolve("keys"), "identity", KeyRing.Kind.RSA, identity);
            byte[] share = new byte[32];
            new SecureRandom().nextBytes(share);
            KeyFiles.write(dir.resolve("keys"), "share", KeyRing.Kind.HMAC, share);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's first {@code purpose} key ({@code identity} or {@code share}), as the data directory holds it. */
    public static KeyRing serverKeys(String purpose, KeyRing.Kind kind) {
        Path keys = Path.of(System.getProperty("proxyme.data.dir")).resolve("keys");
        return KeyRing.open(
                new InMemoryKeyStore(),
                purpose,
                kind,
                new KeyRing.Rotation(null, Duration.ZERO, null),
                Clock.systemUTC(),
                Optional.of(KeyFiles.of(keys, purpose, kind)
                        .orElseThrow(() -> new IllegalStateException("no " + purpose + " key in " + keys))));
    }

    public static int port() {
        return CDI.current()
                .getBeanManager()
                .getExtension(ServerCdiExtension.class)
                .port();
    }
}
