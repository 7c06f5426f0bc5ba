package app.proxyme.domain.connect;

import java.time.Instant;

/**
 * A message sent through a connection, as the user sees it afterwards.
 *
 * @param id Proxy Me's id ({@code msg_…})
 * @param user who sent it
 * @param message what was sent where
 * @param deliveredTo {@code outbox} (embedded: the stand-in third party) or the third party's name
 * @param reference the third party's id of the message (Slack's {@code ts}), or the outbox entry's
 * @param sentAt when
 */
public record SentMessage(
        String id, String user, OutgoingMessage message, String deliveredTo, String reference, Instant sentAt) {}
