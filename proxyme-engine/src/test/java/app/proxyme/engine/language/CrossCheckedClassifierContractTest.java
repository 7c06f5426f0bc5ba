package app.proxyme.engine.language;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.domain.port.out.TopicClassifier;
import app.proxyme.domain.port.out.contract.TopicClassifierContractTest;
import app.proxyme.engine.adapter.llm.ChatStub;
import app.proxyme.engine.adapter.llm.OpenAiChat;
import app.proxyme.engine.adapter.llm.OpenAiTopicClassifier;
import app.proxyme.engine.adapter.nlp.LocalTopicClassifier;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The classifier of {@code PROXYME_LLM=openai} as the runtime assembles it — the connected model over HTTP,
 * cross-checked by the real local classifier — keeps the port's contract. The model is a local chat completions
 * server that answers as well as the local classifier does (it classifies the delimited text with one), so the
 * request, the strict reading of the reply and the merge are all on the path.
 */
class CrossCheckedClassifierContractTest extends TopicClassifierContractTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final LocalTopicClassifier LOCAL = new LocalTopicClassifier();
    private static ChatStub stub;
    private static OpenAiChat chat;

    @BeforeAll
    static void start() throws Exception {
        stub = new ChatStub().answer(s -> {
            String system = ChatStub.system(s);
            TopicCatalog catalog = system.contains("- pricing:") ? CATALOG : OTHER;
            String text = ChatStub.data(s);
            boolean answer = system.contains("an answer that our salesperson");
            Classification c = answer
                    ? new Classification(false, 1.0, LOCAL.rankAnswer(catalog, text))
                    : LOCAL.classify(catalog, text);
            TopicScore top = c.top().orElse(new TopicScore("unknown", 0.0));
            return ChatStub.completion(String.format(
                    Locale.ROOT,
                    "{\"topic\":\"%s\",\"question\":%s,\"confidence\":%.3f}",
                    top.topic(),
                    c.question(),
                    top.confidence()));
        });
        chat = new OpenAiChat(URI.create(stub.base()), ChatStub.KEY, "m", Duration.ofSeconds(3));
    }

    @AfterAll
    static void stop() {
        chat.close();
        stub.close();
    }

    @Override
    protected TopicClassifier classifier() {
        return new CrossCheckedClassifier(new OpenAiTopicClassifier(chat), LOCAL, PATIENCE);
    }

    @Override
    protected TopicClassifier unavailableClassifier() {
        TopicClassifier down = new TopicClassifier() {
            @Override
            public Classification classify(TopicCatalog catalog, String text) {
                throw new DependencyUnavailableException("classifier", "embedding model missing");
            }

            @Override
            public List<TopicScore> rankAnswer(TopicCatalog catalog, String answer) {
                throw new DependencyUnavailableException("classifier", "embedding model missing");
            }
        };
        return new CrossCheckedClassifier(new OpenAiTopicClassifier(chat), down, PATIENCE);
    }
}
