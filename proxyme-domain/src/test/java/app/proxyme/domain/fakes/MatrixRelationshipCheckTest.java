package app.proxyme.domain.fakes;

import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.contract.RelationshipCheckContractTest;

/** The in-memory FGA keeps the relationship check's contract. */
class MatrixRelationshipCheckTest extends RelationshipCheckContractTest {
    private final MatrixRelationshipCheck fga = new MatrixRelationshipCheck();

    @Override
    protected RelationshipCheck subject() {
        return fga;
    }

    @Override
    protected void grant(Grants grants) {
        grants.members()
                .forEach((email, role) -> grants.topics()
                        .forEach(topic -> fga.allow(
                                email,
                                grants.org(),
                                topic,
                                grants.roles().get(role).getOrDefault(topic, Effect.DENY))));
    }

    @Override
    protected void makeUnavailable() {
        fga.down(true);
    }
}
