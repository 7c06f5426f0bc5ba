package app.proxyme.web.app;

import java.util.Objects;

/**
 * Carries a user's messages to the other instances serving the same organisations, so that they reach that user's
 * connections wherever they are (an approval decided through instance A, for an overlay connected to instance B).
 * The composition root supplies one when instances share a database; alone, an instance relays nothing.
 */
@FunctionalInterface
public interface Relay {
    /** One instance alone: nothing to relay. */
    Relay NONE = m -> {};

    /** Hands {@code m} to the other instances; they deliver it to the user's connections they hold. */
    void publish(Message m);

    /**
     * A message (its JSON text) for {@code user}'s connections of {@code org}: those in {@code meetingId}, or
     * ({@code null}) all of them.
     */
    record Message(String org, String user, String meetingId, String json) {
        public Message {
            Objects.requireNonNull(org, "org");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(json, "json");
        }
    }
}
