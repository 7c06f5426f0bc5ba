package app.proxyme.domain.fakes;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory FGA: a user's effect per topic object; can be switched off to test failing closed. */
public final class MatrixRelationshipCheck implements RelationshipCheck {
    private final Map<String, Effect> effects = new HashMap<>();
    private volatile boolean down;
    public final AtomicInteger calls = new AtomicInteger();

    public MatrixRelationshipCheck allow(String email, String org, String topic, Effect effect) {
        effects.put(RelationshipCheck.user(email) + "|" + RelationshipCheck.topic(org, topic), effect);
        return this;
    }

    public void down(boolean down) {
        this.down = down;
    }

    @Override
    public List<Boolean> check(List<RelationshipQuery> queries) {
        calls.incrementAndGet();
        if (down) {
            throw new DependencyUnavailableException("fga", "connection refused");
        }
        return queries.stream()
                .map(q -> {
                    Effect e = effects.getOrDefault(q.user() + "|" + q.object(), Effect.DENY);
                    return switch (q.relation()) {
                        case CAN_AUTO_RESPOND -> e == Effect.AUTO;
                        case CAN_RESPOND_WITH_APPROVAL -> e != Effect.DENY;
                        default -> false;
                    };
                })
                .toList();
    }
}
