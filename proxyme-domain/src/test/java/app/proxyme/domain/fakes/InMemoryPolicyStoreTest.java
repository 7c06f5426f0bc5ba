package app.proxyme.domain.fakes;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.contract.PolicyStoreContractTest;
import java.util.List;

/** The in-memory policy store keeps the policy store's contract. */
class InMemoryPolicyStoreTest extends PolicyStoreContractTest {
    private final InMemoryPolicyStore store = new InMemoryPolicyStore();
    private final java.util.Map<String, List<Member>> membersByOrg = new java.util.HashMap<>();

    @Override
    protected PolicyStore subject() {
        return store;
    }

    @Override
    protected void store(OrgPolicy policy, List<Member> members) {
        membersByOrg.getOrDefault(policy.org(), List.of()).forEach(m -> store.remove(m.email()));
        membersByOrg.put(policy.org(), members);
        store.put(policy);
        members.forEach(store::put);
    }
}
