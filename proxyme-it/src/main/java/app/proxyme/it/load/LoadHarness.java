package app.proxyme.it.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Drives N live meetings against a running Proxy Me: each participant sends a chunk every interval for a fixed
 * duration, then the harness waits a bounded grace period for the last decisions and prints one summary line
 * (and, with {@code --markdown}, a BENCHMARKS.md table row). Traffic goes only to the given loopback URL.
 *
 * <pre>
 * java -cp ... app.proxyme.it.load.LoadHarness --url http://127.0.0.1:18080 --meetings 200 \
 *     --participants-per-meeting 1 --interval-ms 2000 --duration-s 60 --server-pid 1234 \
 *     [--flooders 10 --non-readers 40]
 * </pre>
 *
 * <p>With {@code --flooders} and {@code --non-readers}, hostile clients ({@link Hostile}) run beside the ordinary
 * meetings, each in a meeting of its own, from the start to the end; the summary's figures are the ordinary
 * meetings' own.
 */
public final class LoadHarness {
    private static final List<String> USERS = List.of("se@acme.test", "jae@acme.test", "ae@acme.test", "mgr@acme.test");

    private LoadHarness() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        String url = opts.getOrDefault("url", "http://127.0.0.1:8080");
        if (!URI.create(url).getHost().matches("127\\.\\d+\\.\\d+\\.\\d+|localhost|\\[?::1]?")) {
            throw new IllegalArgumentException("load is only ever sent to this machine (loopback): " + url);
        }
        int meetings = Integer.parseInt(opts.getOrDefault("meetings", "200"));
        int perMeeting = Integer.parseInt(opts.getOrDefault("participants-per-meeting", "1"));
        long intervalMs = Long.parseLong(opts.getOrDefault("interval-ms", "2000"));
        long durationS = Long.parseLong(opts.getOrDefault("duration-s", "60"));
        long warmupS = Long.parseLong(opts.getOrDefault("warmup-s", "20"));
        double questionShare = Double.parseDouble(opts.getOrDefault("question-share", "0.3"));
        Path shared = Path.of(System.getProperty("proxyme.shared.dir", "../shared"));
        Utterances utterances = Utterances.load(shared, questionShare);
        ProcessStats server =
                opts.containsKey("server-pid") ? new ProcessStats(Long.parseLong(opts.get("server-pid"))) : null;

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> tokens = new HashMap<>();
        for (String user : USERS) {
            tokens.put(user, login(http, url, user));
        }
        var warmup = new Report();
        var report = new Report();
        var participants = new ArrayList<Participant>();
        String ws = url.replaceFirst("^http", "ws");
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int m = 0; m < meetings; m++) {
            for (int p = 0; p < perMeeting; p++) {
                var participant = new Participant(warmup);
                participant.connect(http, ws, "load-" + run + "-" + m, tokens.get(USERS.get((m + p) % USERS.size())));
                participants.add(participant);
            }
        }
        System.err.printf(
                "connected %d participants in %d meetings; %d real turns; warm-up %d s, then %d s measured%n",
                participants.size(), meetings, utterances.realTurns(), warmupS, durationS);
        int flooding = Integer.parseInt(opts.getOrDefault("flooders", "0"));
        int notReading = Integer.parseInt(opts.getOrDefault("non-readers", "0"));
        Hostile flooders = Hostile.flooders(http, ws);
        Hostile nonReaders = Hostile.nonReaders(http, ws);
        for (int i = 0; i < flooding; i++) {
            flooders.start("flood-" + run + "-" + i, tokens.get(USERS.get(i % USERS.size())), utterances, i);
        }
        for (int i = 0; i < notReading; i++) {
            nonReaders.start("deaf-" + run + "-" + i, tokens.get(USERS.get(i % USERS.size())), utterances, 1000 + i);
        }

        var scheduler = Executors.newScheduledThreadPool(4);
        var random = new Random(42);
        warmup.startsNow();
        for (Participant p : participants) {
            long offset = random.nextLong(intervalMs);
            var own = new Random(random.nextLong());
            scheduler.scheduleAtFixedRate(() -> p.speak(utterances, own), offset, intervalMs, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(TimeUnit.SECONDS.toMillis(warmupS));
        participants.forEach(p -> p.measureInto(report));
        System.err.printf("warm-up: %s%n", warmup.summary(meetings, participants.size(), warmupS));
        System.err.printf("warm-up p95 chunk → decision by when the chunk was sent (ms): %s%n", warmup.timeline());
        double cpuStart = server == null ? Double.NaN : server.cpuSeconds();
        long start = System.nanoTime();
        double maxRss = Double.NaN;
        long end = start + TimeUnit.SECONDS.toNanos(durationS);
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            if (server != null) {
                maxRss = Double.isNaN(maxRss) ? server.rssMiB() : Math.max(maxRss, server.rssMiB());
            }
        }
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        flooders.stop();
        nonReaders.stop();
        if (flooding + notReading > 0) {
            System.err.printf(
                    "hostile: %d flooders sent %d chunks; %d non-readers sent %d chunks and were closed %d times%n",
                    flooding, flooders.sent.get(), notReading, nonReaders.sent.get(), nonReaders.closedByServer.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuEnd = server == null ? Double.NaN : server.cpuSeconds();
        long grace = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < grace
                && participants.stream().mapToLong(Participant::outstanding).sum() > 0) {
            Thread.sleep(100);
        }
        if (server != null) {
            report.serverCpuPercent = 100 * (cpuEnd - cpuStart) / elapsed;
            report.serverRssMiB = maxRss;
        }
        participants.forEach(Participant::close);
        System.out.println(report.summary(meetings, participants.size(), elapsed));
        System.out.println("p50/p95 ms (count): " + report.breakdown());
        if (opts.containsKey("markdown")) {
            Files.writeString(
                    Path.of(opts.get("markdown")),
                    report.markdownRow(meetings) + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
        boolean clean = report.lost() == 0 && report.outOfOrder.get() == 0 && warmup.outOfOrder.get() == 0;
        System.exit(clean ? 0 : 1);
    }

    private static String login(HttpClient http, String url, String email) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url + "/api/dev/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login of " + email + " failed: " + r.statusCode() + " " + r.body());
        }
        return new ObjectMapper().readTree(r.body()).get("token").asText();
    }

    private static Map<String, String> options(String[] args) {
        var opts = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            opts.put(key, i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true");
        }
        return opts;
    }
}
