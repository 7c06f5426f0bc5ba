package app.proxyme.web;

import app.proxyme.engine.adapter.llm.ChatStub;
import app.proxyme.engine.testsupport.ScriptedHttp;
import io.helidon.config.mp.MpConfigSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.spi.ConfigSource;

/** The connected model of a server a test starts with {@code PROXYME_LLM=openai}: a chat completions stub. */
final class ConnectedModel {
    private static final Pattern FIRST_APPROVED_ANSWER = Pattern.compile("(?m)^1\\. (.*)$");

    private ConnectedModel() {}

    /** A fresh data directory for the server (call it in a static block, before the server starts) and its model. */
    static ChatStub start(String dataDir, Function<ScriptedHttp.Seen, ScriptedHttp.Reply> script) {
        TestServer.useFreshDataDir(dataDir);
        try {
            return new ChatStub().answer(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model's address, for the test's {@code @AddConfigSource} (a system property would outlive the class). */
    static ConfigSource config(ChatStub model) {
        return MpConfigSources.create(Map.of("proxyme.llm.base.url", model.base()));
    }

    /** Whether the request asks for the draft of an answer (not a classification). */
    static boolean isDraft(ScriptedHttp.Seen s) {
        return ChatStub.system(s).startsWith("You write what");
    }

    /** A draft that says the first approved answer of the topic's playbook, as the instructions list it. */
    static ScriptedHttp.Reply firstApprovedAnswer(ScriptedHttp.Seen s) {
        var answer = FIRST_APPROVED_ANSWER.matcher(ChatStub.system(s));
        return ChatStub.completion(answer.find() ? answer.group(1) : "");
    }

    /** Waits for the server (started warm) and gives the API client. */
    static Api api() {
        var api = new Api("http://localhost:" + TestServer.port());
        LanguageModelFallbackTest.awaitReady(api);
        return api;
    }
}
