package app.proxyme.engine.language;

import app.proxyme.domain.chunk.PrecedingTurns;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.out.ResponseGenerator;
import app.proxyme.domain.port.out.ScopedToken;
import java.time.Duration;

/**
 * A connected model's generator, with the local one in its place when it fails (its deadline, an error, an answer it
 * may not give): the answer then comes from the playbook. When the fallback fails too, that failure propagates and no
 * suggestion is made.
 */
public final class FallbackResponseGenerator implements ResponseGenerator {
    private static final System.Logger LOG = System.getLogger(FallbackResponseGenerator.class.getName());

    private final ResponseGenerator model;
    private final ResponseGenerator fallback;
    private final Throttled warnings = new Throttled(LOG, Duration.ofSeconds(30));

    public FallbackResponseGenerator(ResponseGenerator model, ResponseGenerator fallback) {
        this.model = model;
        this.fallback = fallback;
    }

    @Override
    public String generate(Member member, Topic topic, String question, ScopedToken token) {
        return generate(member, topic, question, PrecedingTurns.NONE, token);
    }

    @Override
    public boolean readsContext() {
        return model.readsContext();
    }

    @Override
    public String generate(Member member, Topic topic, String question, PrecedingTurns before, ScopedToken token) {
        try {
            return model.generate(member, topic, question, before, token);
        } catch (RuntimeException e) {
            warnings.warn("the language model could not draft an answer (" + e.getMessage()
                    + "): answered from the playbook");
            return fallback.generate(member, topic, question, before, token);
        }
    }
}
