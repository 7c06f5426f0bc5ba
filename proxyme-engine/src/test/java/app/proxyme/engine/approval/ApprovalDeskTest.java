package app.proxyme.engine.approval;

import static app.proxyme.domain.fakes.Fixtures.AE;
import static app.proxyme.domain.fakes.Fixtures.JAE;
import static app.proxyme.domain.fakes.Fixtures.SAM_GLOBEX;
import static app.proxyme.domain.fakes.Fixtures.question;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.fakes.TestWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApprovalDeskTest {
    private final TestWorld world = new TestWorld();
    private Suggestion held;

    private ApprovalDesk desk() {
        return new ApprovalDesk(world.suggestions, world.audit, world.clock, world.decided::add);
    }

    @BeforeEach
    void hold_one() {
        world.classifications.put("is it soc 2", question("security", 0.9));
        world.classifications.put("Here is our answer to: is it soc 2", question("security", 0.9));
        var out = new TestWorld.Recorder(world.audit);
        world.pipeline().process(JAE, new Chunk("acme", "m1", 1, "", "is it soc 2"), out);
        held = out.suggestions.get(0);
    }

    @Test
    void the_owner_approves_once() {
        var decided = desk().decide(JAE, held.approvalId(), true);
        assertEquals(SuggestionStatus.APPROVED, decided.status());
        assertEquals(1, world.decided.size());
        assertEquals(
                "approval_decided", world.audit.types().get(world.audit.types().size() - 1));
        var again = assertThrows(DomainException.class, () -> desk().decide(JAE, held.approvalId(), false));
        assertEquals(DomainException.Kind.CONFLICT, again.kind());
    }

    @Test
    void the_owner_denies() {
        assertEquals(
                SuggestionStatus.DENIED,
                desk().decide(JAE, held.approvalId(), false).status());
    }

    @Test
    void someone_else_of_the_org_is_forbidden() {
        var e = assertThrows(DomainException.class, () -> desk().decide(AE, held.approvalId(), true));
        assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
    }

    @Test
    void another_organisation_is_told_it_does_not_exist() {
        var e = assertThrows(DomainException.class, () -> desk().decide(SAM_GLOBEX, held.approvalId(), true));
        assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void unknown_approval_is_not_found() {
        var e = assertThrows(DomainException.class, () -> desk().decide(JAE, "ap_nope", true));
        assertEquals(DomainException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void past_the_deadline_it_expires_and_cannot_be_approved() {
        world.now = world.now.plusSeconds(121);
        assertEquals(1, desk().expireDue());
        assertEquals(ApprovalStatus.EXPIRED, world.decided.get(0).approvalStatus());
        var e = assertThrows(DomainException.class, () -> desk().decide(JAE, held.approvalId(), true));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
    }

    @Test
    void approving_at_the_deadline_before_the_timer_runs_expires_it() {
        world.now = held.expiresAt();
        var e = assertThrows(DomainException.class, () -> desk().decide(JAE, held.approvalId(), true));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals(ApprovalStatus.EXPIRED, world.decided.get(0).approvalStatus());
    }
}
