package app.proxyme.engine.adapter.jpa;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.policy.ContextPolicy;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.domain.policy.Rule;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.engine.policy.file.RulePhrases;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Members and policies. {@link #policy} is read for every chunk and {@link #member} for every message of a socket,
 * so both are cached until written — here or on another instance sharing the database — and used only while the
 * cache is trusted ({@link CacheTrust}).
 */
final class JpaPolicyStore implements PolicyStore {
    private final Tx tx;
    private final PolicySettings defaults;
    private final Map<String, OrgPolicy> cache = new ConcurrentHashMap<>();
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    /** Identity-provider subjects of members read lately, to their e-mail. */
    private final Map<String, String> subjects = new ConcurrentHashMap<>();

    private final AtomicLong generation = new AtomicLong();
    private final CacheTrust trust;

    JpaPolicyStore(Tx tx, PolicySettings defaults, CacheTrust trust) {
        this.tx = tx;
        this.defaults = defaults;
        this.trust = trust;
    }

    @Override
    public Optional<Member> member(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String key = email.trim().toLowerCase(Locale.ROOT);
        boolean trusted = trust.trusted();
        Member cached = trusted ? members.get(key) : null;
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = generation.get();
        Optional<Member> loaded = tx.read(em -> Optional.ofNullable(em.find(MemberEntity.class, key))
                .map(m -> new Member(m.email, m.org, m.role, m.displayName)));
        // only members are remembered (unknown e-mails are not: they cannot fill the map), and only when no write
        // happened while this one was read
        if (trusted && loaded.isPresent() && generation.get() == before) {
            members.putIfAbsent(key, loaded.get());
        }
        return loaded;
    }

    @Override
    public Optional<Member> memberBySubject(String subject) {
        if (subject == null || subject.isBlank()) {
            return Optional.empty();
        }
        boolean trusted = trust.trusted();
        String email = trusted ? subjects.get(subject) : null;
        if (email == null) {
            long before = generation.get();
            Optional<String> found = tx.read(em -> emailOfSubject(em, subject));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            email = found.get();
            if (trusted && generation.get() == before) {
                subjects.putIfAbsent(subject, email);
            }
        }
        return member(email);
    }

    /** The subject named in the member's policy, else their default one. */
    @Override
    public Optional<String> subjectOf(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return tx.read(em -> Optional.ofNullable(
                        em.find(MemberEntity.class, email.strip().toLowerCase(Locale.ROOT)))
                .map(m -> m.subject != null ? m.subject : PolicyStore.defaultSubject(m.email)));
    }

    /** The e-mail of the member with {@code subject}: named in their policy, or their default one. */
    private static Optional<String> emailOfSubject(EntityManager em, String subject) {
        List<String> named = em.createQuery("select m.email from MemberEntity m where m.subject = :s", String.class)
                .setParameter("s", subject)
                .setMaxResults(1)
                .getResultList();
        if (!named.isEmpty()) {
            return Optional.of(named.get(0));
        }
        String prefix = PolicyStore.defaultSubject("");
        if (!subject.startsWith(prefix)) {
            return Optional.empty();
        }
        MemberEntity m =
                em.find(MemberEntity.class, subject.substring(prefix.length()).toLowerCase(Locale.ROOT));
        return m != null && m.subject == null ? Optional.of(m.email) : Optional.empty();
    }

    @Override
    public OrgPolicy policy(String org) {
        boolean trusted = trust.trusted();
        OrgPolicy cached = trusted ? cache.get(org) : null;
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        OrgPolicy loaded = tx.read(em -> load(em, org));
        if (trusted && generation.get() == before) {
            cache.putIfAbsent(org, loaded);
        }
        return loaded;
    }

    /**
     * Forgets the cached policy and members; called after every write of the organisation's policy, here or (by the
     * change listener) on another instance.
     */
    void invalidate(String org) {
        generation.incrementAndGet();
        cache.remove(org);
        // a member may have moved between organisations: forget them all (writes are rare)
        members.clear();
        subjects.clear();
    }

    /** Forgets every cached policy and member. */
    void invalidateAll() {
        generation.incrementAndGet();
        cache.clear();
        members.clear();
        subjects.clear();
    }

    private OrgPolicy load(EntityManager em, String org) {
        OrganisationEntity o = org == null ? null : em.find(OrganisationEntity.class, org);
        if (o == null) {
            throw DomainException.notFound("no organisation " + org);
        }
        var topics = em
                .createQuery("select t from TopicEntity t where t.org = :org order by t.sortOrder", TopicEntity.class)
                .setParameter("org", org)
                .getResultList()
                .stream()
                .map(t -> new Topic(
                        t.id, t.description, JsonText.strings(t.examplesJson), JsonText.strings(t.playbookJson)))
                .toList();
        var rules = em
                .createQuery("select r from RuleEntity r where r.org = :org order by r.sortOrder", RuleEntity.class)
                .setParameter("org", org)
                .getResultList()
                .stream()
                .filter(r -> r.enabled == null || r.enabled)
                .map(JpaPolicyStore::rule)
                .toList();
        SettingsEntity s = em.find(SettingsEntity.class, org);
        return new OrgPolicy(org, new TopicCatalog(org, topics, o.policyVersion), rules, settings(s), context(em, org));
    }

    private static ContextPolicy context(EntityManager em, String org) {
        var declared = new java.util.LinkedHashMap<String, String>();
        em.createQuery(
                        "select c from ContextDeclarationEntity c where c.org = :org order by c.sortOrder",
                        ContextDeclarationEntity.class)
                .setParameter("org", org)
                .getResultList()
                .forEach(c -> declared.put(c.id, c.type));
        var autoWhen = new java.util.LinkedHashMap<String, java.util.Map<String, String>>();
        em.createQuery("select c from ConditionEntity c where c.org = :org order by c.sortOrder", ConditionEntity.class)
                .setParameter("org", org)
                .getResultList()
                .forEach(c -> autoWhen.computeIfAbsent(c.role, r -> new java.util.LinkedHashMap<>())
                        .put(c.topic, c.expression));
        return new ContextPolicy(declared, autoWhen);
    }

    private PolicySettings settings(SettingsEntity s) {
        if (s == null) {
            return defaults;
        }
        return new PolicySettings(
                s.minConfidence != null ? s.minConfidence : defaults.minConfidence(),
                s.ambiguityMargin != null ? s.ambiguityMargin : defaults.ambiguityMargin(),
                s.approvalTimeoutSeconds != null
                        ? Duration.ofSeconds(s.approvalTimeoutSeconds)
                        : defaults.approvalTimeout());
    }

    private static Rule rule(RuleEntity r) {
        return new Rule(
                r.id,
                r.text,
                RuleScope.valueOf(r.scope),
                r.subject,
                Effect.valueOf(r.effect),
                Set.copyOf(JsonText.strings(r.topicsJson)),
                RulePhrases.stored(r.org, r.id, JsonText.strings(r.phrasesJson)));
    }
}
