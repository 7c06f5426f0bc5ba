package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.audit.ShareRecord;
import app.proxyme.domain.port.out.ShareStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Share links in the {@code share_links} table; revocation and the opening claim are single conditional updates. */
final class JpaShareStore implements ShareStore {
    private final Tx tx;

    JpaShareStore(Tx tx) {
        this.tx = tx;
    }

    @Override
    public void save(ShareRecord s) {
        tx.run(em -> em.persist(new ShareLinkEntity(
                s.shareId(),
                s.org(),
                s.meetingId(),
                s.createdBy(),
                s.createdAt().toEpochMilli(),
                s.expiresAt().toEpochMilli(),
                s.revealsFor())));
    }

    @Override
    public Optional<ShareRecord> find(String shareId) {
        return tx.read(em ->
                Optional.ofNullable(em.find(ShareLinkEntity.class, shareId)).map(JpaShareStore::record));
    }

    @Override
    public List<ShareRecord> list(String org, String createdBy) {
        return tx.read(em -> em
                .createQuery(
                        "select s from ShareLinkEntity s where s.org = :org"
                                + " and (:by is null or s.createdBy = :by) order by s.createdAt desc",
                        ShareLinkEntity.class)
                .setParameter("org", org)
                .setParameter("by", createdBy)
                .getResultList()
                .stream()
                .map(JpaShareStore::record)
                .toList());
    }

    @Override
    public boolean revoke(String shareId, Instant at) {
        return tx.write(em -> em.createQuery("update ShareLinkEntity s set s.revokedAt = :at"
                                + " where s.shareId = :id and s.revokedAt is null")
                        .setParameter("at", at.toEpochMilli())
                        .setParameter("id", shareId)
                        .executeUpdate())
                == 1;
    }

    @Override
    public boolean claimOpening(String shareId, Instant at, Duration every) {
        return tx.write(em -> em.createQuery("update ShareLinkEntity s set s.lastOpenedAt = :at where s.shareId = :id"
                                + " and (s.lastOpenedAt is null or s.lastOpenedAt <= :before)")
                        .setParameter("at", at.toEpochMilli())
                        .setParameter("before", at.minus(every).toEpochMilli())
                        .setParameter("id", shareId)
                        .executeUpdate())
                == 1;
    }

    @Override
    public void forgetOpening(String shareId) {
        tx.run(em -> em.createQuery("update ShareLinkEntity s set s.lastOpenedAt = null where s.shareId = :id")
                .setParameter("id", shareId)
                .executeUpdate());
    }

    private static ShareRecord record(ShareLinkEntity s) {
        return new ShareRecord(
                s.shareId,
                s.org,
                s.meetingId,
                s.createdBy,
                Instant.ofEpochMilli(s.createdAt),
                Instant.ofEpochMilli(s.expiresAt),
                s.revokedAt == null ? null : Instant.ofEpochMilli(s.revokedAt),
                s.revealsFor);
    }
}
