package app.proxyme.web;

import io.helidon.microprofile.server.ServerCdiExtension;
import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The server a {@code @HelidonTest} started: a fresh data directory for it, and where it listens. */
public final class TestServer {
    private TestServer() {}

    /** Points {@code proxyme.data.dir} at a new empty directory; call before the server starts (a static block). */
    public static void useFreshDataDir(String name) {
        try {
            System.setProperty(
                    "proxyme.data.dir", Files.createTempDirectory(name).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int port() {
        return CDI.current()
                .getBeanManager()
                .getExtension(ServerCdiExtension.class)
                .port();
    }
}
