package app.proxyme.engine.adapter.llm;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.chunk.PrecedingTurns;
import app.proxyme.domain.decision.Classification;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.domain.port.out.TopicClassifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classification by a connected language model ({@link LanguageModel}): the organisation's catalogue (names,
 * descriptions, examples) in the system message, the chunk as the last message, delimited and declared untrusted
 * data ({@link Prompts}), a JSON object asked for at temperature 0 and read strictly ({@link ModelVerdict}). The model
 * names one topic: it is the ranking, at the model's confidence. Whatever fails — the call, or a reply that is not
 * exactly the asked-for object — throws {@link DependencyUnavailableException} ({@code classifier}).
 *
 * <p>Not to be used alone: the runtime wraps it in a cross-check with the local classifier, so that a model talked
 * into another topic cannot loosen a decision.
 */
public final class OpenAiTopicClassifier implements TopicClassifier {
    static final int MAX_TOKENS = 64;

    private final LanguageModel model;
    private final Map<CatalogKey, Instructions> instructions = new ConcurrentHashMap<>();

    public OpenAiTopicClassifier(LanguageModel model) {
        this.model = model;
    }

    @Override
    public Classification classify(TopicCatalog catalog, String text) {
        return classify(catalog, text, PrecedingTurns.NONE);
    }

    @Override
    public boolean readsContext() {
        return true;
    }

    /** The turns before come in the last message too, in a block of their own before the utterance's. */
    @Override
    public Classification classify(TopicCatalog catalog, String text, PrecedingTurns before) {
        ModelVerdict v = ask(
                new Chat(
                        "classify",
                        instructions(catalog).classify(),
                        Prompts.untrusted("The utterance to classify:", before, text),
                        true,
                        MAX_TOKENS),
                catalog);
        return new Classification(v.question(), v.confidence(), v.ranked());
    }

    @Override
    public List<TopicScore> rankAnswer(TopicCatalog catalog, String answer) {
        return ask(
                        new Chat(
                                "rank_answer",
                                instructions(catalog).rankAnswer(),
                                Prompts.untrusted("The answer to classify:", answer),
                                true,
                                MAX_TOKENS),
                        catalog)
                .ranked();
    }

    private ModelVerdict ask(Chat chat, TopicCatalog catalog) {
        String reply;
        try {
            reply = model.complete(chat);
        } catch (DependencyUnavailableException e) {
            throw new DependencyUnavailableException("classifier", "language model: " + e.getMessage(), e);
        }
        return ModelVerdict.parse(reply, catalog);
    }

    /** The instructions of a catalogue version, written once. */
    private Instructions instructions(TopicCatalog catalog) {
        var key = new CatalogKey(catalog.org(), catalog.version());
        Instructions i = instructions.get(key);
        if (i == null) {
            i = instructions.computeIfAbsent(
                    key, k -> new Instructions(Prompts.classify(catalog), Prompts.rankAnswer(catalog)));
            instructions.keySet().removeIf(k -> k.org().equals(key.org()) && k.version() < key.version());
        }
        return i;
    }

    private record CatalogKey(String org, long version) {}

    private record Instructions(String classify, String rankAnswer) {}
}
