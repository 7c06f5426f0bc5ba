package app.proxyme.domain.decision;

import app.proxyme.domain.policy.Effect;

/** The result of a chunk's decision: {@code NONE} when it is not a question for us, else an {@link Effect}. */
public enum Outcome {
    NONE,
    AUTO,
    APPROVE,
    DENY;

    public static Outcome of(Effect effect) {
        return switch (effect) {
            case AUTO -> AUTO;
            case APPROVE -> APPROVE;
            case DENY -> DENY;
        };
    }
}
