package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.engine.policy.file.PolicyTuples;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyFiles;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Writes a policy document (organisation, settings, roles, members, topics, rules, tuples) in one transaction. */
final class JpaPolicyAdmin implements app.proxyme.engine.policy.PolicyAdmin {
    private final Tx tx;
    private final JpaPolicyStore store;
    private final AtomicLong tupleVersion;

    JpaPolicyAdmin(Tx tx, JpaPolicyStore store, AtomicLong tupleVersion) {
        this.tx = tx;
        this.store = store;
        this.tupleVersion = tupleVersion;
    }

    @Override
    public List<String> organisations() {
        return tx.read(em -> em.createQuery("select o.org from OrganisationEntity o order by o.org", String.class)
                .getResultList());
    }

    @Override
    public boolean createIfAbsent(PolicyDocument doc) {
        requireValid(doc);
        try {
            boolean created = tx.write(em -> {
                if (em.find(OrganisationEntity.class, doc.org()) != null) {
                    return false;
                }
                createOrganisation(em, doc);
                insertContent(em, doc);
                return true;
            });
            return afterWrite(doc.org(), created);
        } catch (DependencyUnavailableException e) {
            if (organisations().contains(doc.org())) {
                return false; // another process created it at the same time
            }
            throw e;
        }
    }

    @Override
    public void replace(PolicyDocument doc) {
        requireValid(doc);
        tx.run(em -> {
            OrganisationEntity o = em.find(OrganisationEntity.class, doc.org());
            if (o == null) {
                createOrganisation(em, doc);
            } else {
                o.policyVersion++;
                o.name = name(doc);
                deleteContent(em, doc.org());
            }
            insertContent(em, doc);
        });
        afterWrite(doc.org(), true);
    }

    @Override
    public java.util.Optional<PolicyDocument> export(String org) {
        return tx.read(em -> JpaPolicyExport.read(em, org));
    }

    private boolean afterWrite(String org, boolean written) {
        if (written) {
            store.invalidate(org);
            tupleVersion.incrementAndGet();
        }
        return written;
    }

    private static void requireValid(PolicyDocument doc) {
        var problems = doc.problems();
        if (!problems.isEmpty()) {
            throw new PolicyFiles.InvalidPolicyException(problems);
        }
    }

    private static void createOrganisation(EntityManager em, PolicyDocument doc) {
        em.persist(new OrganisationEntity(doc.org(), name(doc), 1, System.currentTimeMillis()));
        if (em.find(AuditHeadEntity.class, doc.org()) == null) {
            em.persist(new AuditHeadEntity(doc.org(), 0, app.proxyme.domain.audit.AuditRecord.GENESIS));
        }
        em.flush();
    }

    private static String name(PolicyDocument doc) {
        return doc.name() == null || doc.name().isBlank() ? doc.org() : doc.name();
    }

    private static void deleteContent(EntityManager em, String org) {
        for (String entity : List.of("TopicEntity", "RuleEntity", "RoleEntity", "MemberEntity", "SettingsEntity")) {
            em.createQuery("delete from " + entity + " e where e.org = :org").setParameter("org", org).executeUpdate();
        }
        for (String prefix : PolicyTuples.objectPrefixes(org)) {
            em.createQuery("delete from TupleEntity t where t.object like :p")
                    .setParameter("p", prefix + "%")
                    .executeUpdate();
        }
        em.createQuery("delete from TupleEntity t where t.object = :o")
                .setParameter("o", PolicyTuples.organization(org))
                .executeUpdate();
    }

    private static void insertContent(EntityManager em, PolicyDocument doc) {
        String org = doc.org();
        var s = doc.settings();
        em.persist(new SettingsEntity(org, s.minConfidence(), s.ambiguityMargin(), s.approvalTimeoutSeconds(),
                s.auditRetentionDays()));
        int i = 0;
        for (String role : doc.roles().keySet()) {
            em.persist(new RoleEntity(org, role, i++));
        }
        for (var m : doc.memberList()) {
            MemberEntity other = em.find(MemberEntity.class, m.email());
            if (other != null && !other.org.equals(org)) {
                throw DomainException.conflict("member " + m.email() + " belongs to another organisation");
            }
            em.persist(new MemberEntity(m.email(), org, m.role(), m.displayName()));
        }
        i = 0;
        for (var t : doc.topics().entrySet()) {
            var spec = t.getValue();
            em.persist(new TopicEntity(org, t.getKey(), spec.description() == null ? "" : spec.description(),
                    JsonText.of(spec.examples()), JsonText.of(spec.playbook()), i++));
        }
        i = 0;
        for (var r : doc.rules()) {
            em.persist(new RuleEntity(org, r.id(), r.text(), r.scope().toUpperCase(Locale.ROOT), r.subject(),
                    r.effect().toUpperCase(Locale.ROOT), JsonText.of(r.topics()), JsonText.of(r.phrases()), i++));
        }
        for (Tuple t : PolicyTuples.of(doc)) {
            if (em.find(TupleEntity.class, new TupleKey(t.object(), t.relation(), t.user())) == null) {
                em.persist(new TupleEntity(t.object(), t.relation(), t.user()));
            }
        }
    }
}
