package app.proxyme.domain.port.out;

import app.proxyme.domain.connect.SentMessage;
import java.util.List;

/** The messages users sent through their connections (embedded, the outbox the user reads). */
public interface SentMessages {
    void save(String org, SentMessage sent);

    /** A user's messages, newest first, at most {@code limit}. */
    List<SentMessage> of(String org, String user, int limit);
}
