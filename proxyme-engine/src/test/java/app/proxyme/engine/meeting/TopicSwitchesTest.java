package app.proxyme.engine.meeting;

import static app.proxyme.domain.fakes.Fixtures.JAE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.fakes.TestWorld;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Topic switches are audited first: a switch that cannot be recorded does not change. */
class TopicSwitchesTest {
    private final TestWorld world = new TestWorld();
    private final TopicSwitches switches = new TopicSwitches(world.policies, world.meetings, world.audit);

    @Test
    void a_switch_is_recorded_then_stored() {
        var state = switches.set(JAE, "m1", "product", false);

        assertFalse(state.get("product"));
        assertEquals(List.of("toggle"), world.audit.types());
        assertEquals("OFF", world.audit.records.get(0).entry().outcome());
    }

    @Test
    void when_the_switch_cannot_be_audited_it_stays_as_it_was() {
        world.audit.down();

        var e = assertThrows(DependencyUnavailableException.class, () -> switches.set(JAE, "m1", "product", false));

        assertEquals("audit", e.dependency());
        assertTrue(switches.current(JAE, "m1").get("product"), "still on");
        assertTrue(world.meetings.disabledTopics("acme", "m1", JAE.email()).isEmpty());
    }

    @Test
    void a_switch_that_cannot_be_stored_after_it_was_recorded_is_put_back_in_the_trail() {
        world.meetings.writesFail = true;

        assertThrows(DependencyUnavailableException.class, () -> switches.set(JAE, "m1", "product", false));

        assertTrue(switches.current(JAE, "m1").get("product"));
        var toggles = world.audit.ofType(AuditType.TOGGLE);
        assertEquals(2, toggles.size());
        assertEquals("OFF", toggles.get(0).entry().outcome());
        assertEquals("ON", toggles.get(1).entry().outcome(), "the trail's last word matches the stored switch");
        assertEquals(toggles.get(0).id(), toggles.get(1).entry().detail().get("undoes"));
    }

    @Test
    void a_switch_already_in_place_is_not_recorded_again() {
        switches.set(JAE, "m1", "product", true);
        switches.set(JAE, "m1", "product", false);
        switches.set(JAE, "m1", "product", false);

        assertEquals(List.of("toggle"), world.audit.types());
    }
}
