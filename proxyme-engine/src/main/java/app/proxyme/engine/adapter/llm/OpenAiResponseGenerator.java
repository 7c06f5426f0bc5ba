package app.proxyme.engine.adapter.llm;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.chunk.PrecedingTurns;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.out.ResponseGenerator;
import app.proxyme.domain.port.out.ScopedToken;

/**
 * Answers drafted by a connected language model ({@link LanguageModel}): who speaks (name, role), the topic and the
 * organisation's approved answers for it in the system message, the question as the last message, delimited and
 * declared untrusted data ({@link Prompts}); plain text at temperature 0.
 *
 * <p>The reply is kept only when it is what was asked for: one of the topic's approved answers word for word, with at
 * most a short acknowledgement ({@value #MAX_EXTRA} characters) besides. So the model chooses the answer and words the
 * opening, but cannot add facts, figures or promises the playbook does not hold; anything else — and a topic without
 * a playbook — throws {@link DependencyUnavailableException} ({@code generator}), and the runtime then answers from
 * the playbook locally. The answer still goes through the output check like any other.
 */
public final class OpenAiResponseGenerator implements ResponseGenerator {
    static final int MAX_TOKENS = 256;
    /** The most characters the reply may have besides the approved answer it quotes. */
    static final int MAX_EXTRA = 200;

    private final LanguageModel model;

    public OpenAiResponseGenerator(LanguageModel model) {
        this.model = model;
    }

    @Override
    public String generate(Member member, Topic topic, String question, ScopedToken token) {
        return generate(member, topic, question, PrecedingTurns.NONE, token);
    }

    @Override
    public boolean readsContext() {
        return true;
    }

    /** The turns before come in the last message too, in a block of their own before the question's. */
    @Override
    public String generate(Member member, Topic topic, String question, PrecedingTurns before, ScopedToken token) {
        if (topic.playbook().isEmpty()) {
            throw new DependencyUnavailableException("generator", "no approved answers on " + topic.id());
        }
        String reply;
        try {
            reply = model.complete(new Chat(
                    "generate",
                    Prompts.generate(member, topic),
                    Prompts.untrusted("What the customer said:", before, question),
                    false,
                    MAX_TOKENS));
        } catch (DependencyUnavailableException e) {
            throw new DependencyUnavailableException("generator", "language model: " + e.getMessage(), e);
        }
        return checked(topic, reply.strip());
    }

    /** The reply, when it quotes an approved answer of the topic and adds little; else a failure. */
    static String checked(Topic topic, String reply) {
        String text = Prompts.normalised(reply);
        for (String answer : topic.playbook()) {
            String approved = Prompts.normalised(answer);
            if (text.contains(approved)) {
                if (text.length() - approved.length() > MAX_EXTRA) {
                    throw new DependencyUnavailableException(
                            "generator", "the language model's answer adds more than an acknowledgement");
                }
                return reply;
            }
        }
        throw new DependencyUnavailableException(
                "generator", "the language model's answer does not quote an approved answer of " + topic.id());
    }
}
