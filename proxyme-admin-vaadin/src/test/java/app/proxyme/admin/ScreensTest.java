package app.proxyme.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.policy.Member;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreensTest {
    private static final Member ADMIN = new Member("admin@acme.test", "acme", Member.ORG_ADMIN, "Admin");
    private static final Member REVIEWER = new Member("audit@acme.test", "acme", Member.COMPLIANCE_REVIEWER, "Auditor");
    private static final Member JAE = new Member("jae@acme.test", "acme", "junior_ae", "Jae");

    @Test
    void topics_rules_and_playground_are_the_admins_only() {
        for (var screen : List.of(TopicsView.class, RulesView.class, PlaygroundView.class)) {
            assertTrue(Screens.allows(ADMIN, screen), screen.getSimpleName());
            assertFalse(Screens.allows(REVIEWER, screen), screen.getSimpleName());
            assertFalse(Screens.allows(JAE, screen), screen.getSimpleName());
        }
        assertEquals(List.of(AuditView.class, ChainsView.class), Screens.of(REVIEWER));
        assertTrue(Screens.of(ADMIN).containsAll(List.of(TopicsView.class, RulesView.class, PlaygroundView.class)));
    }

    @Test
    void chains_are_the_admins_and_the_reviewers_agents_and_grants_the_admins_only() {
        for (var screen : List.of(ChainsView.class, ChainView.class)) {
            assertTrue(Screens.allows(ADMIN, screen), screen.getSimpleName());
            assertTrue(Screens.allows(REVIEWER, screen), screen.getSimpleName());
            assertFalse(Screens.allows(JAE, screen), screen.getSimpleName());
        }
        for (var screen : List.of(AgentsView.class, GrantsView.class)) {
            assertTrue(Screens.allows(ADMIN, screen), screen.getSimpleName());
            assertFalse(Screens.allows(REVIEWER, screen), screen.getSimpleName());
            assertFalse(Screens.allows(JAE, screen), screen.getSimpleName());
        }
    }

    @Test
    void live_is_the_admins_only() {
        assertTrue(Screens.allows(ADMIN, LiveView.class));
        assertFalse(Screens.allows(REVIEWER, LiveView.class));
        assertFalse(Screens.allows(JAE, LiveView.class));
    }
}
