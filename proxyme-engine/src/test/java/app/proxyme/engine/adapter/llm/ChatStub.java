package app.proxyme.engine.adapter.llm;

import app.proxyme.engine.testsupport.ScriptedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

/**
 * A local OpenAI-compatible server for contract tests: {@code POST /v1/chat/completions} answers what the test
 * scripts, wrapped in a chat completion (CONTRACTS.md) unless the test scripts the whole reply; every request is kept.
 */
public final class ChatStub implements AutoCloseable {
    public static final String PATH = "/v1/chat/completions";
    public static final String KEY = "gsk_test_0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptedHttp http;
    private volatile Function<ScriptedHttp.Seen, ScriptedHttp.Reply> script = s -> completion("{}");

    public ChatStub() throws IOException {
        http = new ScriptedHttp().on(PATH, s -> script.apply(s));
    }

    /** The base URL a client is given: {@code http://127.0.0.1:<port>/v1}. */
    public String base() {
        return http.base() + "/v1";
    }

    public ChatStub answer(Function<ScriptedHttp.Seen, ScriptedHttp.Reply> script) {
        this.script = script;
        return this;
    }

    /** Every request is answered with a chat completion whose content is {@code content}. */
    public ChatStub content(String content) {
        return answer(s -> completion(content));
    }

    public List<ScriptedHttp.Seen> seen() {
        return http.seen(PATH);
    }

    /** A 200 chat completion with {@code content} as the assistant's message. */
    public static ScriptedHttp.Reply completion(String content) {
        var root = JSON.createObjectNode();
        root.put("id", "chatcmpl-stub");
        root.put("object", "chat.completion");
        root.put("model", "stub");
        var choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", content);
        choice.put("finish_reason", "stop");
        root.putObject("usage")
                .put("prompt_tokens", 1)
                .put("completion_tokens", 1)
                .put("total_tokens", 2);
        return ScriptedHttp.Reply.json(200, root.toString());
    }

    /** The request's JSON body. */
    public static JsonNode body(ScriptedHttp.Seen s) {
        try {
            return JSON.readTree(s.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last message's text between its marker lines (the untrusted data), or null. */
    public static String data(ScriptedHttp.Seen s) {
        JsonNode messages = body(s).path("messages");
        String last = messages.path(messages.size() - 1).path("content").asText();
        var m = java.util.regex.Pattern.compile(
                        "<<<BEGIN UNTRUSTED TRANSCRIPT ([0-9a-f]+)>>>\\n(.*)\\n<<<END UNTRUSTED TRANSCRIPT \\1>>>\\z",
                        java.util.regex.Pattern.DOTALL)
                .matcher(last);
        return m.find() ? m.group(2) : null;
    }

    /**
     * The turns before the data in the last message, between their own marker lines of the same id as the data's and
     * before them, one a line; null when there is no such block.
     */
    public static java.util.List<String> context(ScriptedHttp.Seen s) {
        JsonNode messages = body(s).path("messages");
        String last = messages.path(messages.size() - 1).path("content").asText();
        var m = java.util.regex.Pattern.compile(
                        "<<<BEGIN UNTRUSTED CONTEXT ([0-9a-f]+)>>>\\n(.*)\\n<<<END UNTRUSTED CONTEXT \\1>>>\\n"
                                + "<<<BEGIN UNTRUSTED TRANSCRIPT \\1>>>\\n",
                        java.util.regex.Pattern.DOTALL)
                .matcher(last);
        return m.find() ? java.util.List.of(m.group(2).split("\\n")) : null;
    }

    /** The system message. */
    public static String system(ScriptedHttp.Seen s) {
        return body(s).path("messages").path(0).path("content").asText();
    }

    @Override
    public void close() {
        http.close();
    }
}
