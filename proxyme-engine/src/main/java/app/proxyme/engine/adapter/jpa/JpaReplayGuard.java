package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.port.out.ReplayGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Envelope ids in {@code aci_replay}: the primary key lets exactly one instance record an id; ids whose window passed
 * are swept now and then. Two instances racing on one id make one of them fail, which refuses that hop (fail closed).
 */
final class JpaReplayGuard implements ReplayGuard {
    private static final int SWEEP_EVERY = 512;

    private final Tx tx;
    private final Clock clock;
    private final AtomicInteger calls = new AtomicInteger();

    JpaReplayGuard(Tx tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public boolean firstSeen(String org, String envelopeId, Instant keepUntil) {
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            tx.run(em -> em.createNativeQuery("DELETE FROM aci_replay WHERE keep_until < ?1")
                    .setParameter(1, clock.millis())
                    .executeUpdate());
        }
        return tx.write(em -> em.createNativeQuery("INSERT INTO aci_replay (org, envelope_id, keep_until)"
                                + " SELECT ?1, ?2, ?3 WHERE NOT EXISTS"
                                + " (SELECT 1 FROM aci_replay WHERE org = ?1 AND envelope_id = ?2)")
                        .setParameter(1, org)
                        .setParameter(2, envelopeId)
                        .setParameter(3, keepUntil.toEpochMilli())
                        .executeUpdate())
                == 1;
    }
}
