package app.proxyme.it.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.engine.audit.verify.SampleChain;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures {@code java -jar proxyme.jar verify-audit} on a million typical events (generated once into
 * {@code target/audit-1m.jsonl}), JVM start included. Not part of {@code verify}; run it with
 * {@code ./mvnw -o test -pl proxyme-it -Dtest=OfflineVerificationBenchmark} after packaging the jar.
 * Settings: {@code -Dbench.events=1000000}, {@code -Dbench.runs=3}.
 */
class OfflineVerificationBenchmark {
    @Test
    void verify_a_million_events_from_the_command_line() throws Exception {
        long n = Long.getLong("bench.events", 1_000_000);
        Path root = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."))
                .toAbsolutePath();
        Path jar = root.resolve("proxyme-web-overlay/target/proxyme.jar");
        Path file = root.resolve("proxyme-it/target/audit-" + n + ".jsonl");
        Path headFile = root.resolve("proxyme-it/target/audit-" + n + ".head");
        if (!Files.exists(headFile)) {
            try (var w = new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
                Files.writeString(headFile, SampleChain.write("acme", n, 50, w));
            }
        }
        String head = Files.readString(headFile).trim();
        System.out.printf(
                "file: %s, %d events, %.1f MB, %.0f bytes/event%n",
                file, n, Files.size(file) / 1e6, (double) Files.size(file) / n);
        String java = ProcessHandle.current().info().command().orElseThrow();
        int runs = Integer.getInteger("bench.runs", 3);
        for (int i = 0; i < runs; i++) {
            List<String> cmd = new ArrayList<>(List.of(
                    java, "-XX:+UseSerialGC", "-jar", jar.toString(), "verify-audit", file.toString(), "--head", head));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = p.waitFor();
            System.out.printf(
                    "run %d: %.2f s wall, exit %d: %s", i + 1, (System.nanoTime() - t0) / 1e9, status, output);
            assertEquals(0, status, output);
        }
    }
}
