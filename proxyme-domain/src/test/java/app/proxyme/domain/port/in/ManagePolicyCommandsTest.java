package app.proxyme.domain.port.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.port.in.ManagePolicy.MemberEntry;
import app.proxyme.domain.port.in.ManagePolicy.PolicyChange;
import app.proxyme.domain.port.in.ManagePolicy.RoleEntry;
import app.proxyme.domain.port.in.ManagePolicy.RuleEntry;
import app.proxyme.domain.port.in.ManagePolicy.SettingsUpdate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The commands of {@link ManagePolicy} refuse what can never be a valid entry, before any use case runs. */
class ManagePolicyCommandsTest {
    @Test
    void a_role_has_a_lower_case_name_and_lists_that_may_be_left_out() {
        var role = new RoleEntry("partner_manager", null, List.of("pricing"), null);

        assertEquals(List.of(), role.auto());
        assertEquals(List.of(), role.deny());
        for (String bad : new String[] {null, "", "Partner", "role:x", "a b"}) {
            assertThrows(IllegalArgumentException.class, () -> new RoleEntry(bad, null, null, null), bad);
        }
    }

    @Test
    void a_member_has_an_email_stored_lower_case_a_role_and_no_blank_subject() {
        assertEquals("jo@acme.test", new MemberEntry(" Jo@Acme.test ", "junior_ae", null, null).email());
        assertThrows(IllegalArgumentException.class, () -> new MemberEntry("jo", "junior_ae", null, null));
        assertThrows(IllegalArgumentException.class, () -> new MemberEntry("jo@acme.test", " ", null, null));
        assertThrows(IllegalArgumentException.class, () -> new MemberEntry("jo@acme.test", "junior_ae", null, " "));
    }

    @Test
    void a_rule_names_topics_or_phrases_and_a_subject_unless_it_is_for_the_whole_organisation() {
        var org = new RuleEntry(
                "no-pricing",
                "No pricing.",
                RuleScope.ORG,
                "ignored",
                true,
                Effect.DENY,
                List.of("pricing"),
                null,
                null);

        assertNull(org.subject());
        assertEquals(List.of(), org.entities());
        assertThrows(
                IllegalArgumentException.class,
                () -> new RuleEntry(
                        "r", "t", RuleScope.ORG, null, true, Effect.DENY, List.of(), List.of(), List.of("Initrode")));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RuleEntry("r", "t", RuleScope.ROLE, null, true, Effect.DENY, List.of("pricing"), null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RuleEntry("r", " ", RuleScope.ORG, null, true, Effect.DENY, List.of("pricing"), null, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> new RuleEntry(
                        "r 1", "t", RuleScope.ORG, null, true, Effect.DENY, List.of("pricing"), null, null));
        assertThrows(
                NullPointerException.class,
                () -> new RuleEntry("r", "t", RuleScope.ORG, null, true, null, List.of("pricing"), null, null));
    }

    @Test
    void settings_are_in_range_and_the_timeout_is_whole_seconds() {
        new SettingsUpdate(0.0, 1.0, Duration.ofSeconds(1));
        new SettingsUpdate(null, null, null);
        assertThrows(IllegalArgumentException.class, () -> new SettingsUpdate(1.5, null, null));
        assertThrows(IllegalArgumentException.class, () -> new SettingsUpdate(null, -0.1, null));
        assertThrows(IllegalArgumentException.class, () -> new SettingsUpdate(Double.NaN, null, null));
        assertThrows(IllegalArgumentException.class, () -> new SettingsUpdate(null, null, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new SettingsUpdate(null, null, Duration.ofMillis(1500)));
    }

    @Test
    void a_change_lists_each_entry_once() {
        assertThrows(
                IllegalArgumentException.class, () -> new PolicyChange("acme", List.of("roles.a", "roles.a"), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PolicyChange("acme", List.of(), -1, 0));
    }
}
