package app.proxyme.it.bench;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.policy.PolicySettings;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.policy.file.PolicyTuples;
import java.time.Duration;
import java.util.List;

/** The demo organisation in memory: its policy, members, and the embedded FGA over its tuples. */
final class DemoWorld {
    static final PolicySettings SETTINGS = new PolicySettings(0.5, 0.3, Duration.ofSeconds(120));

    final PolicyDocument document = PolicyFiles.demo("acme");
    final OrgPolicy policy = document.toOrgPolicy(SETTINGS, 1);
    final List<Member> members = document.memberList();
    final RelationshipCheck fga;

    DemoWorld() {
        var tuples = new InMemoryTupleStore();
        tuples.write(PolicyTuples.of(document));
        fga = new EmbeddedRelationshipCheck(tuples);
    }

    Member member(String email) {
        return members.stream().filter(m -> m.email().equals(email)).findFirst().orElseThrow();
    }
}
