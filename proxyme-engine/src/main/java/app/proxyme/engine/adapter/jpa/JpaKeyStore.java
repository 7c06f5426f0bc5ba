package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.engine.keys.KeyStore;
import app.proxyme.engine.keys.StoredKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Key generations in the {@code signing_keys} table. The primary key (purpose, generation) decides between
 * instances adding the same generation at once: the first insert stays, the others are told so.
 */
final class JpaKeyStore implements KeyStore {
    private final Tx tx;

    JpaKeyStore(Tx tx) {
        this.tx = tx;
    }

    @Override
    public List<StoredKey> keys(String purpose) {
        List<?> rows = tx.read(em -> em.createNativeQuery("SELECT generation, kid, material, created_at, signs_from,"
                        + " retires_at FROM signing_keys WHERE purpose = ?1 ORDER BY generation")
                .setParameter(1, purpose)
                .getResultList());
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(r -> new StoredKey(
                        purpose,
                        ((Number) r[0]).intValue(),
                        (String) r[1],
                        Base64.getDecoder().decode((String) r[2]),
                        Instant.ofEpochMilli(((Number) r[3]).longValue()),
                        Instant.ofEpochMilli(((Number) r[4]).longValue()),
                        r[5] == null ? null : Instant.ofEpochMilli(((Number) r[5]).longValue())))
                .toList();
    }

    @Override
    public boolean add(StoredKey key) {
        try {
            tx.run(em -> em.createNativeQuery(
                            "INSERT INTO signing_keys (purpose, generation, kid, material, created_at,"
                                    + " signs_from, retires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS BIGINT))")
                    .setParameter(1, key.purpose())
                    .setParameter(2, key.generation())
                    .setParameter(3, key.kid())
                    .setParameter(4, Base64.getEncoder().encodeToString(key.material()))
                    .setParameter(5, key.createdAt().toEpochMilli())
                    .setParameter(6, key.signsFrom().toEpochMilli())
                    .setParameter(
                            7, key.retiresAt() == null ? null : key.retiresAt().toEpochMilli())
                    .executeUpdate());
            return true;
        } catch (DependencyUnavailableException e) {
            // another instance added this generation first, or the database failed: only the former is an answer
            if (keys(key.purpose()).stream().anyMatch(k -> k.generation() == key.generation())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void retireBelow(String purpose, int generation, Instant at) {
        tx.run(em -> em.createNativeQuery("UPDATE signing_keys SET retires_at = ?1 WHERE purpose = ?2"
                        + " AND generation < ?3 AND (retires_at IS NULL OR retires_at > ?1)")
                .setParameter(1, at.toEpochMilli())
                .setParameter(2, purpose)
                .setParameter(3, generation)
                .executeUpdate());
    }
}
