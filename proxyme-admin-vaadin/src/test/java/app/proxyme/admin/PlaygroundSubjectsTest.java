package app.proxyme.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.proxyme.domain.port.in.ManagePolicy.MemberEntry;
import app.proxyme.domain.port.in.ManagePolicy.PolicyOverview;
import app.proxyme.domain.port.in.ManagePolicy.RoleEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlaygroundSubjectsTest {
    @Test
    void members_come_first_then_each_role_with_a_member_evaluated_as_its_first_member() {
        var overview = new PolicyOverview(
                "acme",
                List.of(),
                List.of(new RoleEntry("junior_ae", null, null, null), new RoleEntry("nobody_yet", null, null, null)),
                List.of(
                        new MemberEntry("jae@acme.test", "junior_ae", null, null),
                        new MemberEntry("jo@acme.test", "junior_ae", null, null)),
                List.of());

        assertEquals(
                List.of(
                        new PlaygroundView.Subject("jae@acme.test", null, "jae@acme.test", "jae@acme.test (junior_ae)"),
                        new PlaygroundView.Subject("jo@acme.test", null, "jo@acme.test", "jo@acme.test (junior_ae)"),
                        new PlaygroundView.Subject(
                                null, "junior_ae", "jae@acme.test", "role junior_ae (as jae@acme.test)")),
                PlaygroundView.subjects(overview));
    }
}
