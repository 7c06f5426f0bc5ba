package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.port.out.PairingCodes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Pairing codes in the {@code pairing_codes} table. Redeeming is one conditional update (unused, not expired): the
 * database's row lock lets exactly one of concurrent redeemers — on any instance — mark it used.
 */
final class JpaPairingCodes implements PairingCodes {
    private final Tx tx;

    JpaPairingCodes(Tx tx) {
        this.tx = tx;
    }

    @Override
    public void save(String codeHash, String org, String email, Instant createdAt, Instant expiresAt) {
        tx.run(em -> em.createNativeQuery("INSERT INTO pairing_codes (code_hash, org, email, created_at, expires_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, codeHash)
                .setParameter(2, org)
                .setParameter(3, email)
                .setParameter(4, createdAt.toEpochMilli())
                .setParameter(5, expiresAt.toEpochMilli())
                .executeUpdate());
    }

    @Override
    public Optional<Holder> redeem(String codeHash, Instant now) {
        long at = now.toEpochMilli();
        int used = tx.write(em -> em.createNativeQuery("UPDATE pairing_codes SET used_at = ?1"
                        + " WHERE code_hash = ?2 AND used_at IS NULL AND expires_at > ?1")
                .setParameter(1, at)
                .setParameter(2, codeHash)
                .executeUpdate());
        if (used != 1) {
            return Optional.empty();
        }
        List<?> rows = tx.read(em -> em.createNativeQuery("SELECT org, email FROM pairing_codes WHERE code_hash = ?1")
                .setParameter(1, codeHash)
                .getResultList());
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new Holder((String) r[0], (String) r[1]))
                .findFirst();
    }

    @Override
    public void release(String codeHash) {
        tx.write(em -> em.createNativeQuery("UPDATE pairing_codes SET used_at = NULL WHERE code_hash = ?1")
                .setParameter(1, codeHash)
                .executeUpdate());
    }

    @Override
    public int forgetExpired(Instant before) {
        return tx.write(em -> em.createNativeQuery("DELETE FROM pairing_codes WHERE expires_at < ?1")
                .setParameter(1, before.toEpochMilli())
                .executeUpdate());
    }
}
