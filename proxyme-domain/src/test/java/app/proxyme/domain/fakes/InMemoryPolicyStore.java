package app.proxyme.domain.fakes;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.TopicCatalog;
import app.proxyme.domain.port.out.PolicyStore;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Members and policies in memory; passes {@code PolicyStoreContractTest}. */
public final class InMemoryPolicyStore implements PolicyStore {
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final Map<String, OrgPolicy> policies = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();

    /** Adds the member, or replaces the member with that email. */
    public InMemoryPolicyStore put(Member member) {
        members.put(member.email(), member);
        return this;
    }

    public InMemoryPolicyStore remove(String email) {
        members.remove(email);
        return this;
    }

    /** Stores the organisation's policy; its catalogue gets a version no earlier one had. */
    public InMemoryPolicyStore put(OrgPolicy policy) {
        var catalog = policy.catalog();
        policies.put(
                policy.org(),
                new OrgPolicy(
                        policy.org(),
                        new TopicCatalog(catalog.org(), catalog.topics(), versions.incrementAndGet()),
                        policy.rules(),
                        policy.settings(),
                        policy.context()));
        return this;
    }

    @Override
    public Optional<Member> member(String email) {
        return Optional.ofNullable(
                email == null ? null : members.get(email.trim().toLowerCase(Locale.ROOT)));
    }

    /** Every member has the default subject here. */
    @Override
    public Optional<Member> memberBySubject(String subject) {
        String prefix = PolicyStore.defaultSubject("");
        return subject == null || !subject.startsWith(prefix)
                ? Optional.empty()
                : member(subject.substring(prefix.length()));
    }

    @Override
    public OrgPolicy policy(String org) {
        OrgPolicy policy = policies.get(org);
        if (policy == null) {
            throw app.proxyme.domain.DomainException.notFound("no organisation " + org);
        }
        return policy;
    }
}
