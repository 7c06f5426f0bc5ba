package app.proxyme.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A test client of the overlay WebSocket: sends JSON, waits for the messages it expects. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    public static WsClient connect(String baseWs, String meetingId, String token) {
        return open(baseWs + "/ws/meetings/" + meetingId + "?access_token=" + token);
    }

    /** The phone page's socket of the token's member ({@code /ws/approvals}). */
    public static WsClient approvals(String baseWs, String token) {
        return open(baseWs + "/ws/approvals?access_token=" + token);
    }

    private static WsClient open(String url) {
        var client = new WsClient();
        client.socket = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create(url), client)
                .join();
        return client;
    }

    public void send(String json) {
        socket.sendText(json, true).join();
    }

    public void chunk(long seq, String text) {
        send("{\"type\":\"chunk\",\"seq\":" + seq + ",\"speaker\":\"Dana (customer)\",\"text\":"
                + JSON.valueToTree(text) + ",\"final\":true}");
    }

    /** The first message, from now on or already seen, that matches; fails after 20 s. */
    public JsonNode await(String what, Predicate<JsonNode> match) {
        synchronized (seen) {
            for (JsonNode m : seen) {
                if (match.test(m)) {
                    seen.remove(m);
                    return m;
                }
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode m = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (m == null) {
                    continue;
                }
                if (match.test(m)) {
                    return m;
                }
                synchronized (seen) {
                    seen.add(m);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (seen) {
            throw new AssertionError("no " + what + " arrived; seen: " + seen);
        }
    }

    public JsonNode awaitType(String type, long seq) {
        return await(
                type + " for seq " + seq,
                m -> type.equals(m.path("type").asText()) && m.path("seq").asLong(-1) == seq);
    }

    public JsonNode awaitType(String type) {
        return await(type, m -> type.equals(m.path("type").asText()));
    }

    /** Every message received so far that was not consumed by an await. */
    public List<JsonNode> drain() {
        var all = new ArrayList<JsonNode>();
        synchronized (seen) {
            all.addAll(seen);
            seen.clear();
        }
        inbox.drainTo(all);
        return all;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                inbox.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("server sent non-JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (socket.isOutputClosed() || closed.isDone()) {
            return;
        }
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        } catch (java.util.concurrent.CompletionException e) {
            // the server closed first: nothing left to close
        }
    }
}
