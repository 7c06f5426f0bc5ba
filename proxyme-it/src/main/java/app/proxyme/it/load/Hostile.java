package app.proxyme.it.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hostile clients beside the ordinary meetings (PROTOCOL.md's limits): a <em>flooder</em> sends final chunks as fast
 * as its socket takes them, whatever the server answers ({@code busy} included); a <em>non-reader</em> sends a chunk
 * every two seconds but never reads a message, so the server's messages pile up until it closes the socket (1013) —
 * and then it connects again. Each runs on its own virtual thread until {@link #stop()}.
 */
final class Hostile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean reads;
    private final HttpClient http;
    private final String url;
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Chunks sent, and sockets the server closed, over all clients of this kind. */
    final AtomicLong sent = new AtomicLong();

    final AtomicLong closedByServer = new AtomicLong();

    private Hostile(boolean reads, HttpClient http, String url) {
        this.reads = reads;
        this.http = http;
        this.url = url;
    }

    /** Clients that send as fast as they can (and read what comes back). */
    static Hostile flooders(HttpClient http, String wsBase) {
        return new Hostile(true, http, wsBase);
    }

    /** Clients that send every two seconds and never read. */
    static Hostile nonReaders(HttpClient http, String wsBase) {
        return new Hostile(false, http, wsBase);
    }

    /** Starts one client in {@code meetingId} as the user of {@code token}. */
    void start(String meetingId, String token, Utterances utterances, long seed) {
        Thread.ofVirtual()
                .name((reads ? "flooder-" : "non-reader-") + meetingId)
                .start(() -> {
                    var random = new Random(seed);
                    long seq = 0;
                    while (!stopped.get()) {
                        var closed = new CompletableFuture<Void>();
                        WebSocket ws;
                        try {
                            ws = http.newWebSocketBuilder()
                                    .buildAsync(
                                            URI.create(url + "/ws/meetings/" + meetingId + "?access_token=" + token),
                                            listener(closed))
                                    .get(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            pause(1000);
                            continue;
                        }
                        while (!stopped.get() && !closed.isDone()) {
                            try {
                                String chunk = JSON.writeValueAsString(Map.of(
                                        "type",
                                        "chunk",
                                        "seq",
                                        ++seq,
                                        "speaker",
                                        "customer",
                                        "text",
                                        utterances.next(random),
                                        "final",
                                        true));
                                ws.sendText(chunk, true).get(10, TimeUnit.SECONDS);
                                sent.incrementAndGet();
                            } catch (Exception e) {
                                break; // closed, or the send stalls: connect again
                            }
                            if (!reads) {
                                pause(2000);
                            }
                        }
                        ws.abort();
                    }
                });
    }

    void stop() {
        stopped.set(true);
    }

    private WebSocket.Listener listener(CompletableFuture<Void> closed) {
        return new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
                if (reads) {
                    webSocket.request(Long.MAX_VALUE);
                }
                // a non-reader requests nothing: the JDK client then reads nothing from the socket
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closedByServer.incrementAndGet();
                closed.complete(null);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(null);
            }
        };
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
