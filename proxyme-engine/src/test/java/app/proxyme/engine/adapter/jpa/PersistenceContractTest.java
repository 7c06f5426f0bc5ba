package app.proxyme.engine.adapter.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.approval.ApprovalStatus;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.approval.SuggestionStatus;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.Ids;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.policy.PolicySeeder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The persistence adapters' contract, run once per database (H2 file, PostgreSQL). */
abstract class PersistenceContractTest {
    protected Database db;

    /** JDBC url, user and password of this test class's own, empty database. */
    protected abstract String[] connection();

    protected Database open() {
        String[] c = connection();
        return Database.open(c[0], c[1], c[2]);
    }

    @BeforeEach
    void openAndSeed() {
        db = open();
        new PolicySeeder(db.policyAdmin()).seed();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void seeding_writes_members_policy_and_is_idempotent_across_restarts() {
        assertEquals(List.of("acme", "globex"), db.policyAdmin().organisations());
        var jae = db.policyStore().member("JAE@acme.test").orElseThrow();
        assertEquals("junior_ae", jae.role());
        assertEquals("acme", jae.org());
        assertEquals("Jo Junior-AE", jae.displayName());
        assertEquals("account_executive", db.policyStore().member("sam@globex.test").orElseThrow().role());
        assertTrue(db.policyStore().member("nobody@acme.test").isEmpty());

        var policy = db.policyStore().policy("acme");
        assertEquals(List.of("product", "security", "pricing", "commitment", "roadmap", "legal", "competitors",
                "personnel", "scheduling", "smalltalk"), policy.catalog().topics().stream().map(t -> t.id()).toList());
        assertEquals(3, policy.rules().size());
        assertEquals(Effect.DENY, policy.rules().get(0).cap());
        assertTrue(policy.rules().get(2).matches("product", "could we talk to other customers"));
        assertEquals(Duration.ofSeconds(120), policy.settings().approvalTimeout());
        assertEquals(app.proxyme.domain.policy.PolicySettings.DEFAULTS.minConfidence(), policy.settings().minConfidence());
        assertThrows(DomainException.class, () -> db.policyStore().policy("initech"));

        db.close();
        db = open();
        assertEquals(List.of(), new PolicySeeder(db.policyAdmin()).seed());
        assertEquals(List.of("acme", "globex"), db.policyAdmin().organisations());
    }

    @Test
    void a_policy_write_invalidates_the_cached_policy_and_tuples() {
        var check = new EmbeddedRelationshipCheck(db.tupleStore());
        var before = db.policyStore().policy("globex");
        assertEquals(Effect.AUTO, effectOf(check, "sam@globex.test", "globex", "product")); // warms the snapshot

        var doc = PolicyFiles.demo("globex");
        var ae = doc.roles().get("account_executive");
        var roles = new java.util.LinkedHashMap<>(doc.roles());
        roles.put("account_executive", new app.proxyme.engine.policy.file.PolicyDocument.RoleSpec(
                ae.auto().stream().filter(t -> !t.equals("product")).toList(), ae.approve(),
                java.util.stream.Stream.concat(ae.deny().stream(), java.util.stream.Stream.of("product")).toList()));
        db.policyAdmin().replace(new app.proxyme.engine.policy.file.PolicyDocument(doc.org(), doc.name(),
                doc.topics(), roles, doc.members(), doc.rules(), doc.settings()));

        var after = db.policyStore().policy("globex");
        assertEquals(before.catalog().version() + 1, after.catalog().version());
        assertEquals(Effect.DENY, effectOf(check, "sam@globex.test", "globex", "product"),
                "the same check, asked again after the write, sees the new tuples");
        assertEquals(Effect.DENY, effectOf(new EmbeddedRelationshipCheck(db.tupleStore()), "sam@globex.test",
                "globex", "product"));
        assertEquals(Effect.APPROVE, effectOf(check, "sam@globex.test", "globex", "pricing"), "the rest is kept");
    }

    @Test
    void relationship_check_answers_the_whole_demo_matrix() {
        var check = new EmbeddedRelationshipCheck(db.tupleStore());
        var expected = new ArrayList<String>();
        var actual = new ArrayList<String>();
        for (var row : DemoMatrix.ACME.entrySet()) {
            for (String topic : DemoMatrix.TOPICS) {
                Effect effect = row.getValue().getOrDefault(topic, Effect.DENY);
                expected.add(row.getKey() + " " + topic + " " + effect);
                actual.add(row.getKey() + " " + topic + " " + effectOf(check, row.getKey(), "acme", topic));
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void other_organisations_never_match_and_unknown_relations_are_false() {
        var check = new EmbeddedRelationshipCheck(db.tupleStore());
        for (String topic : DemoMatrix.TOPICS) {
            assertEquals(Effect.DENY, effectOf(check, "sam@globex.test", "acme", topic), topic);
            assertEquals(Effect.DENY, effectOf(check, "mgr@acme.test", "globex", topic), topic);
        }
        assertEquals(Effect.AUTO, effectOf(check, "sam@globex.test", "globex", "product"));
        assertEquals(Effect.APPROVE, effectOf(check, "sam@globex.test", "globex", "pricing"));
        assertEquals(List.of(false, false, true), check.check(List.of(
                new RelationshipQuery("user:se@acme.test", "can_delete", "topic:acme/product"),
                new RelationshipQuery("user:se@acme.test", RelationshipCheck.CAN_AUTO_RESPOND, "topic:acme/nothing"),
                new RelationshipQuery("user:jae@acme.test", "blocked", "topic:acme/pricing"))));
    }

    private static Effect effectOf(RelationshipCheck check, String email, String org, String topic) {
        var answers = check.check(List.of(
                new RelationshipQuery(RelationshipCheck.user(email), RelationshipCheck.CAN_AUTO_RESPOND,
                        RelationshipCheck.topic(org, topic)),
                new RelationshipQuery(RelationshipCheck.user(email), RelationshipCheck.CAN_RESPOND_WITH_APPROVAL,
                        RelationshipCheck.topic(org, topic))));
        return answers.get(0) ? Effect.AUTO : answers.get(1) ? Effect.APPROVE : Effect.DENY;
    }

    @Test
    void meetings_participants_and_toggles() {
        var meetings = db.meetingStore();
        String m = "m-" + Ids.next("x");
        assertFalse(meetings.exists("acme", m));
        meetings.join("acme", m, "jae@acme.test");
        meetings.join("acme", m, "jae@acme.test");
        assertTrue(meetings.exists("acme", m));
        assertFalse(meetings.exists("globex", m));
        assertTrue(meetings.isParticipant("acme", m, "jae@acme.test"));
        assertFalse(meetings.isParticipant("acme", m, "se@acme.test"));
        meetings.setTopicEnabled("acme", m, "jae@acme.test", "competitors", false);
        meetings.setTopicEnabled("acme", m, "jae@acme.test", "product", false);
        meetings.setTopicEnabled("acme", m, "jae@acme.test", "product", true);
        assertEquals(Set.of("competitors"), meetings.disabledTopics("acme", m, "jae@acme.test"));
        assertEquals(Set.of(), meetings.disabledTopics("acme", m, "se@acme.test"));
    }

    @Test
    void exactly_one_of_concurrent_deciders_wins() throws Exception {
        var held = held("jae@acme.test", Instant.now().plusSeconds(120));
        db.suggestionStore().save(held);
        int n = 8;
        var start = new CountDownLatch(1);
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < n; i++) {
            var outcome = i % 2 == 0 ? ApprovalStatus.APPROVED : ApprovalStatus.DENIED;
            tasks.add(() -> {
                start.await();
                return db.suggestionStore().decide(held.approvalId(), outcome, "jae@acme.test", Instant.now())
                        .isPresent();
            });
        }
        try (var pool = Executors.newFixedThreadPool(n)) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            long winners = 0;
            for (Future<Boolean> f : futures) {
                winners += f.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        }
        var decided = db.suggestionStore().byApproval(held.approvalId()).orElseThrow();
        assertFalse(decided.isPending());
        assertEquals(decided.approvalStatus().suggestionStatus(), decided.status());
        assertEquals("jae@acme.test", decided.decidedBy());
        assertTrue(db.suggestionStore().decide(held.approvalId(), ApprovalStatus.EXPIRED, "engine", Instant.now())
                .isEmpty());
    }

    @Test
    void pending_approvals_survive_reopening_and_fall_due() {
        String user = "ae@acme.test";
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        var first = held(user, now.minusSeconds(1));
        var second = held(user, now.plusSeconds(60));
        db.suggestionStore().save(first);
        db.suggestionStore().save(second);
        db.close();
        db = open();
        var pending = db.suggestionStore().pending("acme", user);
        assertEquals(List.of(first.id(), second.id()), pending.stream().map(Suggestion::id).toList());
        assertEquals(first, pending.get(0));
        assertTrue(db.suggestionStore().due(now).stream().anyMatch(s -> s.id().equals(first.id())));
        assertFalse(db.suggestionStore().due(now).stream().anyMatch(s -> s.id().equals(second.id())));
        assertEquals(List.of(first.id(), second.id()), db.suggestionStore()
                .inMeeting("acme", first.meetingId(), user).stream().map(Suggestion::id).toList());
        assertTrue(db.suggestionStore().pending("globex", user).isEmpty());
    }

    private static final java.util.concurrent.atomic.AtomicInteger ORDER = new java.util.concurrent.atomic.AtomicInteger();

    private static Suggestion held(String user, Instant expiresAt) {
        return new Suggestion(Ids.next("sg"), "acme", "m-pending", user, 12, "pricing", "We can offer 10% off.",
                SuggestionStatus.PENDING_APPROVAL, Ids.next("ap"), ApprovalStatus.PENDING,
                Instant.parse("2029-01-01T00:00:00Z").plusSeconds(ORDER.getAndIncrement()), expiresAt, null);
    }

    @Test
    void concurrent_appends_chain_without_gaps() throws Exception {
        String org = "t" + Ids.next("o").substring(2, 14);
        var log = db.auditLog(Clock.systemUTC());
        int threads = 6;
        int perThread = 15;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                String meeting = "m" + (t % 3);
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        log.append(List.of(entry(org, meeting, i), entry(org, null, i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get();
            }
        }
        var all = db.auditEvents(org, 1, Long.MAX_VALUE);
        assertEquals(threads * perThread * 2, all.size());
        ChainVerifier.assertChain(all);
        var m1 = log.meeting(org, "m1");
        assertEquals(2 * perThread, m1.size());
        assertEquals(AuditRecord.GENESIS, m1.get(0).meetingPrev());
        for (int i = 1; i < m1.size(); i++) {
            assertEquals(m1.get(i - 1).hash(), m1.get(i).meetingPrev());
            assertTrue(m1.get(i - 1).seq() < m1.get(i).seq());
        }
        assertTrue(log.meeting("acme", "m1").stream().noneMatch(r -> r.entry().org().equals(org)));
    }

    @Test
    void appended_records_are_what_is_stored_and_hash_as_exported() {
        Instant fixed = Instant.parse("2030-05-06T07:08:09.123456Z");
        var log = db.auditLog(Clock.fixed(fixed, java.time.ZoneOffset.UTC));
        String org = "t" + Ids.next("o").substring(2, 14);
        var appended = log.append(List.of(new AuditEntry(AuditType.DECISION, org, "m1", "jae@acme.test", "engine",
                "pricing", "DENY", "fga", Map.of("chunkSeq", 12, "confidence", 0.91, "flags", List.of("a")))));
        var r = appended.get(0);
        assertEquals(Instant.parse("2030-05-06T07:08:09.123Z"), r.ts());
        assertTrue(r.id().startsWith("ev_"));
        assertEquals(1, r.seq());
        assertEquals(AuditRecord.GENESIS, r.prev());
        assertEquals(AuditRecord.GENESIS, r.meetingPrev());
        assertEquals(List.of(r.hash()), log.meeting(org, "m1").stream().map(AuditRecord::hash).toList());
        ChainVerifier.assertChain(log.meeting(org, "m1"));
        String json = app.proxyme.engine.audit.format.AuditJson.toJson(r);
        assertTrue(json.startsWith("{\"id\":\"" + r.id() + "\",\"seq\":1,\"ts\":\"2030-05-06T07:08:09.123Z\","
                + "\"org\":\"" + org + "\",\"meeting\":\"m1\",\"user\":\"jae@acme.test\",\"actor\":\"engine\","
                + "\"type\":\"decision\",\"topic\":\"pricing\",\"outcome\":\"DENY\",\"layer\":\"fga\",\"detail\":"), json);
        assertTrue(json.endsWith("\"meetingPrev\":\"" + AuditRecord.GENESIS + "\",\"hash\":\"" + r.hash() + "\"}"),
                json);
    }

    @Test
    @Timeout(120)
    void acknowledged_audit_events_survive_kill_9() throws Exception {
        String org = "k" + Ids.next("o").substring(2, 14);
        db.close(); // one process at a time on an H2 file
        String[] c = connection();
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        var child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                AuditAppender.class.getName(), c[0], c[1], c[2], org)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long acknowledged = 0;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged = Long.parseLong(line.substring(4).trim());
                    if (acknowledged >= 40) {
                        break;
                    }
                }
            }
            child.destroyForcibly(); // SIGKILL, mid-append
            assertTrue(child.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertTrue(acknowledged >= 40, "child acknowledged " + acknowledged + " events before dying");

        db = open();
        var events = db.auditEvents(org, 1, Long.MAX_VALUE);
        assertTrue(events.size() >= acknowledged, events.size() + " events stored, " + acknowledged + " acknowledged");
        ChainVerifier.assertChain(events);
    }

    @Test
    void the_audit_reader_pages_spans_and_knows_the_head() {
        String org = "r" + Ids.next("o").substring(2, 14);
        var reader = db.auditReader();
        assertEquals(new app.proxyme.domain.audit.AuditHead(0, AuditRecord.GENESIS), reader.head(org));
        Instant t0 = Instant.parse("2031-01-01T00:00:00Z");
        var clock = new java.util.concurrent.atomic.AtomicReference<>(t0);
        var log = db.auditLog(new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.get();
            }
        });
        for (int i = 0; i < 25; i++) {
            clock.set(t0.plusSeconds(i));
            log.append(List.of(entry(org, i % 2 == 0 ? "even" : null, i)));
        }
        var head = reader.head(org);
        assertEquals(25, head.seq());
        var page = reader.page(org, null, 10, 100, 7);
        assertEquals(List.of(11L, 12L, 13L, 14L, 15L, 16L, 17L), page.stream().map(AuditRecord::seq).toList());
        assertEquals(head.hash(), reader.page(org, null, 24, 25, 10).get(0).hash());
        assertEquals(List.of(1L, 3L, 5L), reader.page(org, "even", 0, 6, 10).stream().map(AuditRecord::seq).toList());
        assertEquals(new app.proxyme.domain.audit.SeqSpan(4, 9),
                reader.span(org, t0.plusSeconds(3), t0.plusSeconds(9)).orElseThrow());
        assertTrue(reader.span(org, t0.plusSeconds(100), t0.plusSeconds(200)).isEmpty());
        assertTrue(reader.page("globex", "even", 0, 100, 10).isEmpty());
    }

    @Test
    void concurrent_appends_are_group_committed_and_a_bad_one_fails_alone() throws Exception {
        String org = "g" + Ids.next("o").substring(2, 14);
        var log = (GroupCommitAuditLog) db.auditLog(Clock.systemUTC());
        int callers = 64;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<List<AuditRecord>>>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return log.append(List.of(entry(org, "m" + (n % 4), n), entry(org, null, n)));
                }));
            }
            var bad = pool.submit(() -> {
                start.await();
                return log.append(List.of(new AuditEntry(AuditType.CHUNK, org, null, null, "engine", null, null, null,
                        Map.of("notJson", new Object()))));
            });
            start.countDown();
            for (var f : futures) {
                var records = f.get();
                assertEquals(2, records.size());
                assertEquals(records.get(0).hash(), records.get(1).prev(), "a caller's entries stay together");
            }
            var failure = assertThrows(java.util.concurrent.ExecutionException.class, bad::get);
            assertTrue(failure.getCause() instanceof RuntimeException, failure.toString());
        }
        assertTrue(log.commits() < callers, log.commits() + " commits for " + callers + " concurrent appends");
        var all = db.auditEvents(org, 1, Long.MAX_VALUE);
        assertEquals(2 * callers, all.size());
        ChainVerifier.assertChain(all);
    }

    @Test
    void two_writers_that_each_remember_meeting_ends_still_link_each_others_events() {
        String org = "w" + Ids.next("o").substring(2, 14);
        var first = db.auditLog(Clock.systemUTC());
        var second = db.auditLog(Clock.systemUTC());
        for (int i = 0; i < 6; i++) {
            (i % 3 == 0 ? second : first).append(List.of(entry(org, "shared", i), entry(org, "m" + (i % 2), i)));
        }
        var all = db.auditEvents(org, 1, Long.MAX_VALUE);
        assertEquals(12, all.size());
        ChainVerifier.assertChain(all);
    }

    @Test
    void retention_prunes_behind_a_signed_checkpoint_and_what_remains_verifies() throws Exception {
        var doc = PolicyFiles.demo("globex");
        db.policyAdmin().replace(new app.proxyme.engine.policy.file.PolicyDocument(doc.org(), doc.name(), doc.topics(),
                doc.roles(), doc.members(), doc.rules(),
                new app.proxyme.engine.policy.file.PolicyDocument.SettingsSpec(null, null, null, 30)));
        assertEquals(Map.of("globex", 30), db.auditPruning().retentionDays());
        Instant now = Instant.now();
        var old = db.auditLog(Clock.fixed(now.minus(Duration.ofDays(40)), java.time.ZoneOffset.UTC));
        for (int i = 0; i < 10; i++) {
            old.append(List.of(entry("globex", "m-old", i)));
        }
        var log = db.auditLog(Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            log.append(List.of(entry("globex", i % 2 == 0 ? "m-old" : "m-new", i)));
        }
        long before = db.auditReader().head("globex").seq();
        var keys = java.security.KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var pair = keys.generateKeyPair();
        var seal = new app.proxyme.engine.audit.seal.CheckpointSeal(pair.getPrivate(), pair.getPublic(), "audit-test");
        var retention = new app.proxyme.engine.audit.AuditRetention(db.auditPruning(), db.auditReader(), log, seal,
                Clock.systemUTC());

        var pruned = retention.run();

        assertEquals(1, pruned.size(), pruned.toString());
        assertEquals(before - 5, pruned.get(0).throughSeq());
        assertEquals(before - 5, pruned.get(0).deleted());
        var remaining = db.auditEvents("globex", 1, Long.MAX_VALUE);
        assertEquals(before - 4, remaining.get(0).seq());
        var checkpoint = remaining.stream().filter(r -> r.entry().type() == AuditType.CHECKPOINT).findFirst()
                .orElseThrow();
        assertEquals(remaining.get(0).prev(), checkpoint.entry().detail().get("lastPrunedHash"));
        var admin = new app.proxyme.domain.policy.Member("admin@globex.test", "globex", "org_admin", null);
        var records = new app.proxyme.engine.meeting.MeetingRecords(db.meetingStore(), log);
        var verdict = new app.proxyme.engine.audit.AuditTrail(db.auditReader(), log, records, seal).verify(admin);
        assertTrue(verdict.ok(), verdict.toString());
        assertEquals(7, verdict.events(), "5 kept, the checkpoint and the retention record");

        keys.initialize(2048);
        var other = keys.generateKeyPair();
        var forgedSeal = new app.proxyme.engine.audit.seal.CheckpointSeal(other.getPrivate(), other.getPublic(), "x");
        var refused = new app.proxyme.engine.audit.AuditTrail(db.auditReader(), log, records, forgedSeal).verify(admin);
        assertFalse(refused.ok(), "a checkpoint signed by another key does not vouch for the pruned prefix");
        assertTrue(retention.run().isEmpty(), "nothing more to prune");
    }

    static AuditEntry entry(String org, String meeting, int i) {
        return new AuditEntry(AuditType.CHUNK, org, meeting, "jae@acme.test", "engine", null, null, null,
                Map.of("chunkSeq", i));
    }
}
