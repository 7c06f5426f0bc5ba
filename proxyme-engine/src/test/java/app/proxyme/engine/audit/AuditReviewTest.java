package app.proxyme.engine.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditFilter;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.BrowseAudit;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.meeting.MeetingRecords;
import app.proxyme.engine.policy.PolicySeeder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reviewer's paged, filtered view of the trail over the embedded database, and the review event. */
class AuditReviewTest {
    private static final Member REVIEWER = new Member("audit@acme.test", "acme", "compliance_reviewer", "Casey");
    private static final Member JAE = new Member("jae@acme.test", "acme", "junior_ae", "Jo");
    private static final Member GLOBEX_ADMIN = new Member("admin@globex.test", "globex", "org_admin", "Gil");

    @TempDir
    Path dir;

    private Database db;
    private AuditLog log;
    private BrowseAudit review;

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir), "sa", "");
        new PolicySeeder(db.policyAdmin()).seed();
        log = db.auditLog(Clock.systemUTC());
        review = new AuditReview(db.auditReader(), log, new MeetingRecords(db.meetingStore(), log));
        db.meetingStore().join("acme", "m1", "jae@acme.test");
        var entries = new ArrayList<AuditEntry>();
        for (int i = 0; i < 25; i++) {
            String outcome = i % 5 == 0 ? "DENY" : "AUTO";
            entries.add(new AuditEntry(
                    AuditType.DECISION, "acme", "m1", "jae@acme.test", "proxyme", "pricing", outcome, "fga", Map.of()));
        }
        log.append(entries);
        log.append(List.of(new AuditEntry(
                AuditType.DECISION, "globex", "g1", "sam@globex.test", "proxyme", "pricing", "DENY", "fga", Map.of())));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void pages_go_newest_first_without_gaps_or_repeats() {
        var first = review.browse(REVIEWER, AuditFilter.ANY, null, 10);
        var second = review.browse(REVIEWER, AuditFilter.ANY, first.nextBeforeSeq(), 10);
        var third = review.browse(REVIEWER, AuditFilter.ANY, second.nextBeforeSeq(), 10);

        var seqs = new ArrayList<Long>();
        for (var page : List.of(first, second, third)) {
            page.events().forEach(r -> seqs.add(r.seq()));
        }
        assertEquals(25, seqs.size());
        for (int i = 0; i < seqs.size(); i++) {
            assertEquals(25 - i, seqs.get(i));
        }
        assertNull(third.nextBeforeSeq());
    }

    @Test
    void filters_narrow_the_events_and_other_organisations_stay_invisible() {
        var denied = review.browse(
                REVIEWER, new AuditFilter("m1", "jae@acme.test", "pricing", "DENY", "fga", null, null, null), null, 50);

        assertEquals(5, denied.events().size());
        assertTrue(denied.events().stream().allMatch(r -> r.entry().outcome().equals("DENY")));
        assertTrue(review.browse(REVIEWER, new AuditFilter("g1", null, null, null, null, null, null, null), null, 50)
                .events()
                .isEmpty());
        assertEquals(
                1,
                review.browse(GLOBEX_ADMIN, AuditFilter.ANY, null, 50).events().size());
    }

    @Test
    void only_reviewers_browse_and_a_page_has_bounds() {
        assertEquals(
                DomainException.Kind.FORBIDDEN,
                assertThrows(DomainException.class, () -> review.browse(JAE, AuditFilter.ANY, null, 10))
                        .kind());
        assertEquals(
                DomainException.Kind.BAD_REQUEST,
                assertThrows(DomainException.class, () -> review.browse(REVIEWER, AuditFilter.ANY, null, 0))
                        .kind());
    }

    @Test
    void marking_a_meeting_reviewed_is_an_audit_event_with_the_comment() {
        AuditRecord reviewed = review.markReviewed(REVIEWER, "m1", "  looked at every DENY, fine ");

        assertEquals(AuditType.REVIEW, reviewed.entry().type());
        assertEquals("looked at every DENY, fine", reviewed.entry().detail().get("comment"));
        assertEquals("audit@acme.test", reviewed.entry().actor());
        var latest = review.browse(
                REVIEWER, new AuditFilter(null, null, null, null, null, AuditType.REVIEW, null, null), null, 5);
        assertEquals(reviewed.id(), latest.events().get(0).id());
        assertEquals(
                DomainException.Kind.NOT_FOUND,
                assertThrows(DomainException.class, () -> review.markReviewed(GLOBEX_ADMIN, "m1", "not mine"))
                        .kind());
        assertEquals(
                DomainException.Kind.BAD_REQUEST,
                assertThrows(DomainException.class, () -> review.markReviewed(REVIEWER, "m1", " "))
                        .kind());
    }
}
