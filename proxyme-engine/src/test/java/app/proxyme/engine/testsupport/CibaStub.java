package app.proxyme.engine.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local Auth0 Authentication API for CIBA (CONTRACTS.md): {@code POST /bc-authorize} and {@code POST /oauth/token}
 * over HTTP on 127.0.0.1. It records every request as sent (form fields, headers), answers scripted responses in
 * order, and otherwise behaves as Auth0 does: a request starts with a fresh {@code auth_req_id}
 * ({@code expires_in} 300, {@code interval} 5), polls are {@code authorization_pending}, and an {@code auth_req_id}
 * that was redeemed (tokens answered) or is unknown gets {@code invalid_grant}. Wrong client credentials get 401.
 */
public final class CibaStub implements AutoCloseable {
    public static final String CLIENT_ID = "ciba-client";
    public static final String CLIENT_SECRET = "s3cret-never-logged";

    /** A scripted answer. */
    public record Answer(int status, String body, Map<String, String> headers) {
        public static Answer json(int status, String body) {
            return new Answer(status, body, Map.of());
        }

        public static Answer error(int status, String error) {
            return json(status, "{\"error\":\"" + error + "\",\"error_description\":\"" + error + " (stub)\"}");
        }

        public Answer header(String name, String value) {
            var h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Answer(status, body, h);
        }
    }

    /** A request as the stub received it. */
    public record Received(String path, Map<String, String> form, Map<String, List<String>> headers) {
        public String field(String name) {
            return form.get(name);
        }
    }

    private final HttpServer server;
    private final String base;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> authorizeScript = new ArrayDeque<>();
    private final Map<String, Deque<Answer>> pollScripts = new ConcurrentHashMap<>();
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Set<String> redeemed = new HashSet<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int expiresIn = 300;
    private volatile int pushesPerMinute = Integer.MAX_VALUE;
    private final Map<String, Deque<Long>> pushesBySubject = new ConcurrentHashMap<>();
    private final AtomicInteger refusedPushes = new AtomicInteger();
    private volatile int decideAfterPolls = -1;
    private volatile java.util.function.Predicate<Received> approves = r -> true;
    private final Map<String, Received> started = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    private volatile int interval = 5;

    public CibaStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/bc-authorize", this::authorize);
        server.createContext("/oauth/token", this::token);
        server.start();
    }

    /** What {@code PROXYME_AUTH0_DOMAIN} is set to: {@code http://127.0.0.1:<port>}. */
    public String domain() {
        return base;
    }

    /** The issuer the {@code login_hint} must name: {@code http://127.0.0.1:<port>/}. */
    public String issuer() {
        return base + "/";
    }

    /** The {@code expires_in} and {@code interval} of requests started from now on. */
    public CibaStub starting(int expiresInSeconds, int intervalSeconds) {
        this.expiresIn = expiresInSeconds;
        this.interval = intervalSeconds;
        return this;
    }

    /**
     * Auth0's limit: at most {@code perMinute} pushes per user (by the {@code login_hint}'s subject) in any minute;
     * beyond it {@code /bc-authorize} answers 429 with {@code Retry-After}.
     */
    public CibaStub pushesPerUserAndMinute(int perMinute) {
        this.pushesPerMinute = perMinute;
        return this;
    }

    /** How many pushes the per-user limit refused. */
    public int refusedPushes() {
        return refusedPushes.get();
    }

    /**
     * Requests without a script of their own are answered after {@code pendingPolls} pending polls: approved when
     * {@code approves} says so of the {@code /bc-authorize} request that started them, else {@code access_denied}.
     */
    public CibaStub decideAfter(int pendingPolls, java.util.function.Predicate<Received> approves) {
        this.decideAfterPolls = pendingPolls;
        this.approves = approves;
        return this;
    }

    /** The next {@code /bc-authorize} requests get these answers, in order (then the default start again). */
    public synchronized CibaStub authorizeAnswers(Answer... answers) {
        authorizeScript.addAll(List.of(answers));
        return this;
    }

    /** The next polls of {@code authReqId} get these answers, in order (then {@code authorization_pending}). */
    public CibaStub pollAnswers(String authReqId, Answer... answers) {
        pollScripts.computeIfAbsent(authReqId, k -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    public static Answer pending() {
        return Answer.error(400, "authorization_pending");
    }

    public static Answer approved() {
        return Answer.json(
                200,
                "{\"access_token\":\"at-secret\",\"id_token\":\"it-secret\",\"expires_in\":86400,"
                        + "\"scope\":\"openid\",\"token_type\":\"Bearer\"}");
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** The {@code auth_req_id} of the {@code n}-th request started (0-based). */
    public String authReqId(int n) {
        return "req-" + (n + 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void authorize(HttpExchange x) throws IOException {
        Received r = record(x);
        if (!authenticated(r)) {
            send(x, Answer.error(401, "invalid_client"));
            return;
        }
        Answer scripted;
        synchronized (this) {
            scripted = authorizeScript.poll();
        }
        if (scripted != null) {
            send(x, scripted);
            return;
        }
        if (!pushAllowed(r.field("login_hint"))) {
            refusedPushes.incrementAndGet();
            send(x, Answer.error(429, "too_many_requests").header("Retry-After", "60"));
            return;
        }
        String id = "req-" + ids.incrementAndGet();
        started.put(id, r);
        issued.add(id);
        send(
                x,
                Answer.json(
                        200,
                        "{\"auth_req_id\":\"" + id + "\",\"expires_in\":" + expiresIn + ",\"interval\":" + interval
                                + "}"));
    }

    private void token(HttpExchange x) throws IOException {
        Received r = record(x);
        if (!authenticated(r)) {
            send(x, Answer.error(401, "invalid_client"));
            return;
        }
        String id = r.field("auth_req_id");
        Answer answer;
        synchronized (this) {
            if (!"urn:openid:params:grant-type:ciba".equals(r.field("grant_type"))) {
                answer = Answer.error(400, "unsupported_grant_type");
            } else if (id == null || !issued.contains(id) || redeemed.contains(id)) {
                answer = Answer.error(400, "invalid_grant");
            } else {
                Deque<Answer> script = pollScripts.get(id);
                answer = script == null || script.isEmpty() ? unscripted(id) : script.poll();
                if (answer.status() == 200) {
                    redeemed.add(id);
                }
            }
        }
        send(x, answer);
    }

    private Answer unscripted(String id) {
        if (decideAfterPolls < 0
                || polls.computeIfAbsent(id, k -> new AtomicInteger()).getAndIncrement() < decideAfterPolls) {
            return pending();
        }
        return approves.test(started.get(id)) ? approved() : Answer.error(400, "access_denied");
    }

    private boolean pushAllowed(String loginHint) {
        if (pushesPerMinute == Integer.MAX_VALUE) {
            return true;
        }
        long now = System.currentTimeMillis();
        Deque<Long> times = pushesBySubject.computeIfAbsent(String.valueOf(loginHint), k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() < now - 60_000) {
                times.pollFirst();
            }
            if (times.size() >= pushesPerMinute) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    private static boolean authenticated(Received r) {
        return CLIENT_ID.equals(r.field("client_id")) && CLIENT_SECRET.equals(r.field("client_secret"));
    }

    private Received record(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var form = new LinkedHashMap<String, String>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (form.put(k, v) != null) {
                throw new IOException("field sent twice: " + k);
            }
        }
        var headers = new LinkedHashMap<String, List<String>>();
        x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), List.copyOf(v)));
        var r = new Received(x.getRequestURI().getPath(), form, headers);
        received.add(r);
        if (!"POST".equals(x.getRequestMethod())) {
            throw new IOException("not a POST: " + x.getRequestMethod());
        }
        return r;
    }

    private static void send(HttpExchange x, Answer a) throws IOException {
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        a.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
        x.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }
}
