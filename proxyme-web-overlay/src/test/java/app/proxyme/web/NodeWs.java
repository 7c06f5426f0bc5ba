package app.proxyme.web;

import app.proxyme.engine.testsupport.Prerequisites;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A standards WebSocket client for tests: Node.js's built-in {@code WebSocket} (the one browsers have) running
 * {@code node/ws-probe.mjs}. Without a Node.js that has it (22+, or 20.10+ with {@code --experimental-websocket}) the
 * test is skipped with a message, or fails under {@code PROXYME_REQUIRE_ALL=1}.
 */
public final class NodeWs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile List<String> command;

    private NodeWs() {}

    /** The probe's events (one JSON object each: {@code event}, {@code ms}, ...), after it ended. */
    public static List<JsonNode> probe(String url, int sendBytes, int timeoutMs) {
        List<String> cmd = new ArrayList<>(command());
        cmd.add(url);
        cmd.add(String.valueOf(sendBytes));
        cmd.add(String.valueOf(timeoutMs));
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutMs + 20_000L, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("node did not end");
            }
            var events = new ArrayList<JsonNode>();
            for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    events.add(JSON.readTree(line));
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The first event of that name, if any. */
    public static Optional<JsonNode> event(List<JsonNode> events, String name) {
        return events.stream()
                .filter(e -> name.equals(e.path("event").asText()))
                .findFirst();
    }

    private static List<String> command() {
        if (command == null) {
            command = find();
        }
        return command;
    }

    private static List<String> find() {
        Path script = script();
        for (List<String> candidate : List.of(
                List.of("node", script.toString()), List.of("node", "--experimental-websocket", script.toString()))) {
            if (supportsWebSocket(candidate)) {
                return candidate;
            }
        }
        Prerequisites.require(
                false,
                "the standards-client tests need Node.js with a built-in WebSocket (22+, or 20.10+ with"
                        + " --experimental-websocket) as 'node' on the PATH (apt-get install nodejs)");
        throw new IllegalStateException("unreachable");
    }

    private static boolean supportsWebSocket(List<String> cmd) {
        var check = new ArrayList<>(cmd.subList(0, cmd.size() - 1));
        check.add("-e");
        check.add("process.exit(typeof WebSocket === 'function' ? 0 : 3)");
        try {
            Process p = new ProcessBuilder(check)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no node on the PATH
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path script() {
        try (InputStream in = NodeWs.class.getResourceAsStream("/node/ws-probe.mjs")) {
            if (in == null) {
                throw new IllegalStateException("node/ws-probe.mjs is not on the test classpath");
            }
            Path file = Files.createTempFile("ws-probe", ".mjs");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
