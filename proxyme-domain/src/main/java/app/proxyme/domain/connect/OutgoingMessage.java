package app.proxyme.domain.connect;

import java.util.regex.Pattern;

/**
 * A message a user sends through one of their connected accounts.
 *
 * @param connection the connection ({@code slack}, ...): 1–64 of {@code [a-z0-9_-]}
 * @param channel where at the third party (a channel or user id): 1–80 characters, no control characters
 * @param topic what it is about: the role check of the topic decides whether it may be sent at all
 * @param meetingId the meeting it follows up, or {@code null}
 * @param text 1–4000 characters
 */
public record OutgoingMessage(String connection, String channel, String topic, String meetingId, String text) {
    public static final Pattern CONNECTION = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    public static final int MAX_TEXT = 4000;
    private static final Pattern CHANNEL = Pattern.compile("[^\\p{Cntrl}]{1,80}");

    /** @throws IllegalArgumentException with what is wrong */
    public OutgoingMessage {
        if (connection == null || !CONNECTION.matcher(connection).matches()) {
            throw new IllegalArgumentException("connection must be 1-64 of [a-z0-9_-]: " + connection);
        }
        if (channel == null || !CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("channel must be 1-80 characters without control characters");
        }
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic is required: the role check of the topic decides");
        }
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text must be 1-" + MAX_TEXT + " characters");
        }
    }
}
