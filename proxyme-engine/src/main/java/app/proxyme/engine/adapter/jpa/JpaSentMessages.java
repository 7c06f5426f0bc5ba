package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.connect.OutgoingMessage;
import app.proxyme.domain.connect.SentMessage;
import app.proxyme.domain.port.out.SentMessages;
import java.time.Instant;
import java.util.List;

/** Sent messages in the {@code sent_messages} table. */
final class JpaSentMessages implements SentMessages {
    private final Tx tx;

    JpaSentMessages(Tx tx) {
        this.tx = tx;
    }

    @Override
    public void save(String org, SentMessage sent) {
        OutgoingMessage m = sent.message();
        tx.run(em -> em.createNativeQuery("INSERT INTO sent_messages (id, org, user_email, connection, channel, topic,"
                        + " meeting_id, text, delivered_to, reference, sent_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .setParameter(1, sent.id())
                .setParameter(2, org)
                .setParameter(3, sent.user())
                .setParameter(4, m.connection())
                .setParameter(5, m.channel())
                .setParameter(6, m.topic())
                .setParameter(7, m.meetingId())
                .setParameter(8, m.text())
                .setParameter(9, sent.deliveredTo())
                .setParameter(10, sent.reference())
                .setParameter(11, sent.sentAt().toEpochMilli())
                .executeUpdate());
    }

    @Override
    public List<SentMessage> of(String org, String user, int limit) {
        List<?> rows =
                tx.read(em -> em.createNativeQuery("SELECT id, user_email, connection, channel, topic, meeting_id,"
                                + " text, delivered_to, reference, sent_at FROM sent_messages"
                                + " WHERE org = ?1 AND user_email = ?2 ORDER BY sent_at DESC, id DESC")
                        .setParameter(1, org)
                        .setParameter(2, user)
                        .setMaxResults(limit)
                        .getResultList());
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new SentMessage(
                        (String) r[0],
                        (String) r[1],
                        new OutgoingMessage((String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6]),
                        (String) r[7],
                        (String) r[8],
                        Instant.ofEpochMilli(((Number) r[9]).longValue())))
                .toList();
    }
}
