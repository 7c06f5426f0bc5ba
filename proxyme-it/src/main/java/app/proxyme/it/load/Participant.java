package app.proxyme.it.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated participant: a WebSocket in one meeting, sending a chunk every interval and timing each
 * chunk → first decision and chunk → suggestion; checks that decisions arrive in chunk order.
 */
final class Participant implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A chunk in flight, counted in the report that was current when it was sent (warm-up or measured). */
    private record Sent(long nanos, Report report) {}

    private volatile Report report;
    private final Map<Long, Sent> sentAt = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> decided = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicLong seq = new AtomicLong();
    private volatile long lastDecidedSeq;
    private WebSocket socket;

    Participant(Report report) {
        this.report = report;
    }

    /** From now on, chunks are counted in {@code next} (the end of the warm-up). */
    void measureInto(Report next) {
        this.report = next;
    }

    void connect(HttpClient http, String wsBase, String meetingId, String token) {
        socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(wsBase + "/ws/meetings/" + meetingId + "?access_token=" + token), this)
                .join();
    }

    /** Sends the next chunk; the text is data drawn from real meetings. */
    void speak(Utterances utterances, Random random) {
        long s = seq.incrementAndGet();
        String text = utterances.next(random);
        var chunk = Map.of("type", "chunk", "seq", s, "speaker", "customer", "text", text, "final", true);
        Report into = report;
        try {
            String json = JSON.writeValueAsString(chunk);
            sentAt.put(s, new Sent(System.nanoTime(), into));
            synchronized (this) {
                socket.sendText(json, true).join();
            }
            into.sent.incrementAndGet();
        } catch (Exception e) {
            into.sendErrors.incrementAndGet();
        }
    }

    long outstanding() {
        return sentAt.size() - decided.size();
    }

    void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        } catch (RuntimeException e) {
            // already closed
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            handle(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(String raw) {
        long now = System.nanoTime();
        JsonNode m;
        try {
            m = JSON.readTree(raw);
        } catch (Exception e) {
            report.badMessages.incrementAndGet();
            return;
        }
        String type = m.path("type").asText();
        long s = m.path("seq").asLong(-1);
        Sent sent = sentAt.get(s);
        switch (type) {
            case "decision" -> {
                if (sent != null && decided.putIfAbsent(s, Boolean.TRUE) == null) {
                    sent.report().decided(sent.nanos(), now);
                    sent.report().outcome(m.path("outcome").asText());
                    if (s < lastDecidedSeq) {
                        sent.report().outOfOrder.incrementAndGet();
                    }
                    lastDecidedSeq = Math.max(lastDecidedSeq, s);
                }
            }
            case "ack" -> {
                if (sent != null) {
                    sent.report().ack.add((now - sent.nanos()) / 1_000);
                }
            }
            case "flow" -> {
                if (sent != null && m.has("ms")) {
                    sent.report().step(m.path("step").asText(), m.path("ms").asDouble());
                }
            }
            case "suggestion" -> {
                if (sent != null && !"APPROVED".equals(m.path("status").asText())) {
                    sent.report().suggestion.add((now - sent.nanos()) / 1_000);
                }
            }
            case "error" -> report.serverErrors.incrementAndGet();
            default -> {}
        }
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        report.socketErrors.incrementAndGet();
    }
}
