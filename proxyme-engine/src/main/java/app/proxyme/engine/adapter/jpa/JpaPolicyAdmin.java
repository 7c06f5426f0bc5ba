package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.policy.file.PolicyConditions;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.policy.file.PolicyTuples;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a policy document (organisation, settings, domains, roles, members, topics, rules, playground cases,
 * permissions, grants, meeting context declarations, generated FGA conditions, tuples) in one transaction. An e-mail domain belongs to one organisation: a document that
 * lists another organisation's domain, or a member whose address is in one, is refused without naming it.
 */
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
        for (String entity : List.of(
                "TopicEntity",
                "RuleEntity",
                "GrantEntity",
                "RoleEntity",
                "MemberEntity",
                "SettingsEntity",
                "DomainEntity",
                "PolicyTestEntity",
                "PermissionEntity",
                "ContextDeclarationEntity",
                "ConditionEntity")) {
            em.createQuery("delete from " + entity + " e where e.org = :org")
                    .setParameter("org", org)
                    .executeUpdate();
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
        em.persist(new SettingsEntity(
                org, s.minConfidence(), s.ambiguityMargin(), s.approvalTimeoutSeconds(), s.auditRetentionDays()));
        requireOwnDomains(em, doc);
        int i = 0;
        for (String domain : doc.domains()) {
            em.persist(new DomainEntity(domain, org, i++));
        }
        i = 0;
        for (String role : doc.roles().keySet()) {
            em.persist(new RoleEntity(org, role, i++));
        }
        for (var m : doc.memberList()) {
            MemberEntity other = em.find(MemberEntity.class, m.email());
            if (other != null && !other.org.equals(org)) {
                throw DomainException.conflict("member " + m.email() + " belongs to another organisation");
            }
        }
        doc.members().forEach((email, spec) -> {
            var m = new app.proxyme.domain.policy.Member(email, org, spec.role(), spec.name());
            em.persist(new MemberEntity(m.email(), org, m.role(), m.displayName(), spec.subject()));
        });
        i = 0;
        for (var t : doc.topics().entrySet()) {
            var spec = t.getValue();
            em.persist(new TopicEntity(
                    org,
                    t.getKey(),
                    spec.description() == null ? "" : spec.description(),
                    JsonText.of(spec.examples()),
                    JsonText.of(spec.playbook()),
                    i++));
        }
        i = 0;
        for (var r : doc.rules()) {
            var rule = new RuleEntity(
                    org,
                    r.id(),
                    r.text(),
                    r.scope().toUpperCase(Locale.ROOT),
                    r.subject(),
                    r.effect().toUpperCase(Locale.ROOT),
                    JsonText.of(r.topics()),
                    JsonText.of(r.phrases()),
                    i++);
            rule.enabled = r.enabled();
            rule.compiledForm = r.form() == PolicyDocument.RuleForm.COMPILED;
            rule.entitiesJson = JsonText.of(r.compiled().entities());
            em.persist(rule);
        }
        i = 0;
        for (var t : doc.tests()) {
            em.persist(new PolicyTestEntity(
                    org,
                    i++,
                    t.text(),
                    t.member() == null ? null : t.member().toLowerCase(Locale.ROOT),
                    t.role(),
                    JsonText.ofObject(t.context()),
                    t.outcome(),
                    t.layer()));
        }
        i = 0;
        for (var p : doc.permissions().entrySet()) {
            em.persist(new PermissionEntity(org, p.getKey(), p.getValue(), i++));
        }
        i = 0;
        for (var g : doc.grants().entrySet()) {
            em.persist(new GrantEntity(org, g.getKey(), JsonText.of(g.getValue()), i++));
        }
        i = 0;
        for (var c : doc.context().entrySet()) {
            em.persist(new ContextDeclarationEntity(org, c.getKey(), c.getValue(), i++));
        }
        i = 0;
        for (var role : doc.roles().entrySet()) {
            for (var when : role.getValue().autoWhen().entrySet()) {
                em.persist(new ConditionEntity(
                        PolicyConditions.name(org, role.getKey(), when.getKey()),
                        org,
                        role.getKey(),
                        when.getKey(),
                        when.getValue(),
                        JsonText.ofObject(PolicyConditions.parameters(when.getValue(), doc.context())),
                        i++));
            }
        }
        for (Tuple t : PolicyTuples.of(doc)) {
            if (em.find(TupleEntity.class, new TupleKey(t.object(), t.relation(), t.user())) == null) {
                var tuple = new TupleEntity(t.object(), t.relation(), t.user());
                tuple.condition = t.conditionName();
                em.persist(tuple);
            }
        }
    }

    /** Refuses domains, and members' addresses in domains, that another organisation holds; names neither. */
    private static void requireOwnDomains(EntityManager em, PolicyDocument doc) {
        var domains = new java.util.LinkedHashSet<>(doc.domains());
        doc.members().keySet().forEach(email -> domains.add(domainOf(email)));
        if (domains.isEmpty()) {
            return;
        }
        var taken = new java.util.HashSet<>(em.createQuery(
                        "select d.domain from DomainEntity d where d.org <> :org and d.domain in :domains",
                        String.class)
                .setParameter("org", doc.org())
                .setParameter("domains", List.copyOf(domains))
                .getResultList());
        for (String domain : doc.domains()) {
            if (taken.contains(domain)) {
                throw DomainException.conflict("e-mail domain " + domain + " belongs to another organisation");
            }
        }
        for (String email : doc.members().keySet()) {
            if (taken.contains(domainOf(email))) {
                throw DomainException.conflict("member " + email.toLowerCase(Locale.ROOT)
                        + ": the e-mail domain belongs to another organisation");
            }
        }
    }

    private static String domainOf(String email) {
        return email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
