package app.proxyme.engine.meeting;

import static app.proxyme.domain.fakes.Fixtures.JAE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.fakes.Fixtures;
import app.proxyme.domain.fakes.TestWorld;
import app.proxyme.domain.policy.ContextPolicy;
import app.proxyme.domain.policy.OrgPolicy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meeting values are checked against the declarations and audited first: what cannot be recorded does not change. */
class MeetingContextsTest {
    private final TestWorld world = new TestWorld();
    private final MeetingContexts contexts = new MeetingContexts(world.policies, world.meetings, world.audit);

    @BeforeEach
    void declare() {
        world.policies.put(new OrgPolicy(
                "acme",
                Fixtures.catalog("acme"),
                List.of(),
                Fixtures.SETTINGS,
                new ContextPolicy(Map.of("deal_size", "int", "customer_region", "string"), Map.of())));
    }

    @Test
    void values_are_recorded_then_stored() {
        var now = contexts.set(JAE, "m1", Map.of("deal_size", 30000));

        assertEquals(Map.of("deal_size", 30000L), now);
        assertEquals(List.of("context_set"), world.audit.types());
        assertEquals(Map.of("deal_size", 30000L), world.meetings.context("acme", "m1", JAE.email()));
        assertEquals(
                Map.of("deal_size", 30000L),
                world.audit.records.get(0).entry().detail().get("values"));
    }

    @Test
    void a_wrong_type_or_an_undeclared_name_is_a_bad_request_naming_the_field_and_nothing_is_recorded() {
        var wrong = assertThrows(DomainException.class, () -> contexts.set(JAE, "m1", Map.of("deal_size", "ten")));
        var fraction = assertThrows(DomainException.class, () -> contexts.set(JAE, "m1", Map.of("deal_size", 1.5)));
        var undeclared = assertThrows(DomainException.class, () -> contexts.set(JAE, "m1", Map.of("discount", 10)));

        assertEquals(DomainException.Kind.BAD_REQUEST, wrong.kind());
        assertEquals("field 'values.deal_size' must be an int", wrong.getMessage());
        assertEquals("field 'values.deal_size' must be an int", fraction.getMessage());
        assertTrue(undeclared.getMessage().startsWith("field 'values.discount' is not a context value"));
        assertEquals(List.of(), world.audit.types());
        assertEquals(Map.of(), world.meetings.context("acme", "m1", JAE.email()));
    }

    @Test
    void when_the_values_cannot_be_audited_they_stay_as_they_were() {
        contexts.set(JAE, "m1", Map.of("deal_size", 30000));
        world.audit.down();

        assertThrows(DependencyUnavailableException.class, () -> contexts.set(JAE, "m1", Map.of("deal_size", 80000)));

        assertEquals(Map.of("deal_size", 30000L), contexts.current(JAE, "m1"));
    }

    @Test
    void values_that_cannot_be_stored_after_they_were_recorded_are_put_back_in_the_trail() {
        world.meetings.writesFail = true;

        assertThrows(DependencyUnavailableException.class, () -> contexts.set(JAE, "m1", Map.of("deal_size", 30000)));

        var events = world.audit.ofType(AuditType.CONTEXT_SET);
        assertEquals(2, events.size());
        assertEquals(Map.of(), events.get(1).entry().detail().get("values"), "the trail's last word matches the store");
        assertEquals(events.get(0).id(), events.get(1).entry().detail().get("undoes"));
    }

    @Test
    void null_clears_a_value_and_the_same_values_again_are_not_recorded_again() {
        contexts.set(JAE, "m1", Map.of("deal_size", 30000, "customer_region", "EU"));
        contexts.set(JAE, "m1", Map.of("deal_size", 30000));

        var now = contexts.set(JAE, "m1", Collections.singletonMap("deal_size", null));

        assertEquals(Map.of("customer_region", "EU"), now);
        assertEquals(List.of("context_set", "context_set"), world.audit.types());
    }
}
