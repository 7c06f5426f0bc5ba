package app.proxyme.it;

import static org.junit.jupiter.api.Assertions.fail;

import app.proxyme.web.Api;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The real {@code proxyme.jar}, started as a process of its own on a free port, with its output in a log file. */
final class ProxymeProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ProxymeProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The built jar; a test without it is skipped (fails under {@code PROXYME_REQUIRE_ALL=1}). */
    static Path jar() {
        Path jar = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
                .resolve("proxyme-web-overlay/target/proxyme.jar");
        if (!Files.isRegularFile(jar)) {
            String why = jar + " is missing: build it with ./mvnw -DskipTests package -pl proxyme-web-overlay";
            if ("1".equals(System.getenv("PROXYME_REQUIRE_ALL"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return jar;
    }

    /**
     * Starts the jar on {@code port} with {@code dataDir} and the extra environment {@code env} (no warm-up unless
     * it says otherwise); its output goes to {@code dataDir/<name>.log}.
     */
    static ProxymeProcess start(String name, Path dataDir, int port, Map<String, String> env) throws IOException {
        Path log = dataDir.resolve(name + ".log");
        var pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-jar",
                        jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().put("SERVER_PORT", String.valueOf(port));
        pb.environment().put("PROXYME_DATA_DIR", dataDir.toString());
        pb.environment().put("PROXYME_WARMUP_DECISIONS", "0");
        pb.environment().put("PROXYME_ADMIN_PORT", "0");
        pb.environment().putAll(env);
        return new ProxymeProcess(pb.start(), port, log);
    }

    /** Waits (90 s at most) until {@code /health} answers 200. */
    Api awaitUp() throws Exception {
        var api = new Api(base());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                fail("the server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (api.get("/health", null).status() == 200) {
                    return api;
                }
            } catch (RuntimeException | AssertionError e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not report UP within 90 s; see " + log);
    }

    int port() {
        return port;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String ws() {
        return "ws://127.0.0.1:" + port;
    }

    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    /** SIGKILL: no drain, no shutdown hook. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
