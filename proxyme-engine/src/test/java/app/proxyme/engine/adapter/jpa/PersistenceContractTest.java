package app.proxyme.engine.adapter.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.Ids;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.AuditPruning;
import app.proxyme.domain.port.out.AuditReader;
import app.proxyme.domain.port.out.MeetingStore;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.SuggestionStore;
import app.proxyme.domain.port.out.contract.AuditLogContractTest;
import app.proxyme.domain.port.out.contract.AuditPruningContractTest;
import app.proxyme.domain.port.out.contract.AuditReaderContractTest;
import app.proxyme.domain.port.out.contract.MeetingStoreContractTest;
import app.proxyme.domain.port.out.contract.PolicyStoreContractTest;
import app.proxyme.domain.port.out.contract.RelationshipCheckContractTest;
import app.proxyme.domain.port.out.contract.SuggestionStoreContractTest;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.policy.PolicySeeder;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.testsupport.PolicyDocuments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The persistence adapters, run once per database (H2 file, PostgreSQL): each port's contract in a nested class
 * (meetings, suggestions, policies, the audit log, reader and pruning, and the embedded relationship check over the
 * tuple table), and what only a database does (seeding, durability across kill -9, group commit, writers in two
 * processes, retention behind a signed checkpoint).
 */
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
    void a_lease_has_one_holder_until_it_expires_or_is_released() {
        var now = new java.util.concurrent.atomic.AtomicLong(1_000_000L);
        var clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.ofEpochMilli(now.get());
            }
        };
        var one = db.leasesOf("one", clock);
        var two = db.leasesOf("two", clock);
        var ttl = java.time.Duration.ofSeconds(20);
        String job = "job-" + System.nanoTime();

        assertTrue(one.hold(job, ttl));
        assertFalse(two.hold(job, ttl));
        now.addAndGet(19_000);
        assertTrue(one.hold(job, ttl), "renewed before it expired");
        now.addAndGet(19_000);
        assertFalse(two.hold(job, ttl), "the renewal moved the expiry");
        now.addAndGet(2_000);
        assertTrue(two.hold(job, ttl), "expired: another instance takes it");
        assertFalse(one.hold(job, ttl));
        assertEquals("two", one.holder(job).orElseThrow().instance());
        one.release(job);
        assertEquals("two", one.holder(job).orElseThrow().instance(), "only the holder releases");
        two.release(job);
        assertTrue(one.holder(job).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> one.hold("Not A Name!", ttl));
    }

    @Test
    void seeding_writes_members_policy_and_is_idempotent_across_restarts() {
        assertEquals(List.of("acme", "globex"), db.policyAdmin().organisations());
        var jae = db.policyStore().member("JAE@acme.test").orElseThrow();
        assertEquals("junior_ae", jae.role());
        assertEquals("acme", jae.org());
        assertEquals("Jo Junior-AE", jae.displayName());
        assertEquals(
                "account_executive",
                db.policyStore().member("sam@globex.test").orElseThrow().role());
        assertTrue(db.policyStore().member("nobody@acme.test").isEmpty());

        var policy = db.policyStore().policy("acme");
        assertEquals(
                List.of(
                        "product",
                        "security",
                        "pricing",
                        "commitment",
                        "roadmap",
                        "legal",
                        "competitors",
                        "personnel",
                        "scheduling",
                        "smalltalk"),
                policy.catalog().topics().stream().map(t -> t.id()).toList());
        assertEquals(3, policy.rules().size());
        assertEquals(Effect.DENY, policy.rules().get(0).cap());
        assertTrue(policy.rules().get(2).matches("product", "could we talk to other customers"));
        assertEquals(Duration.ofSeconds(120), policy.settings().approvalTimeout());
        assertEquals(
                app.proxyme.domain.policy.PolicySettings.DEFAULTS.minConfidence(),
                policy.settings().minConfidence());
        assertThrows(DomainException.class, () -> db.policyStore().policy("initech"));

        db.close();
        db = open();
        assertEquals(List.of(), new PolicySeeder(db.policyAdmin()).seed());
        assertEquals(List.of("acme", "globex"), db.policyAdmin().organisations());
    }

    @Test
    void an_acknowledged_chunk_stays_open_until_its_decision_or_its_abandonment_and_ends_once() {
        var log = db.auditLog(Clock.systemUTC());
        var open = db.openChunks();
        var recovery = new app.proxyme.engine.meeting.ChunkRecovery(
                open, log, new app.proxyme.engine.meeting.InstanceLiveness(db.leases(), Clock.systemUTC()));
        String org = "t" + Ids.next("o").substring(2, 14);
        java.util.function.Supplier<List<Long>> openSeqs =
                () -> open.acceptedBefore(Instant.now().plusSeconds(5), 1000).stream()
                        .filter(c -> c.org().equals(org))
                        .map(c -> c.chunkSeq())
                        .toList();
        java.util.function.BiFunction<AuditType, Long, AuditEntry> entry = (type, seq) ->
                new AuditEntry(type, org, "m1", "jae@acme.test", "engine", null, null, null, Map.of("chunkSeq", seq));

        log.append(List.of(entry.apply(AuditType.CHUNK, 5L)));
        log.append(List.of(entry.apply(AuditType.CHUNK, 6L)));
        String seven =
                log.append(List.of(entry.apply(AuditType.CHUNK, 7L))).get(0).id();
        assertEquals(List.of(5L, 6L, 7L), openSeqs.get(), "each chunk event opens its chunk");
        assertEquals(
                List.of(),
                open.acceptedBefore(Instant.now().minusSeconds(60), 1000).stream()
                        .filter(c -> c.org().equals(org))
                        .toList(),
                "none was accepted a minute ago");

        log.append(List.of(entry.apply(AuditType.DECISION, 5L)));
        log.append(List.of(entry.apply(AuditType.DECISION, 7L)));
        assertEquals(List.of(6L), openSeqs.get(), "a decision closes its chunk");

        var abandonSeven = new AuditEntry(
                AuditType.CHUNK_ABANDONED,
                org,
                "m1",
                "jae@acme.test",
                "engine",
                null,
                null,
                null,
                Map.of("chunkSeq", 7L, "chunkEvent", seven));
        assertThrows(
                app.proxyme.domain.DependencyUnavailableException.class,
                () -> log.append(List.of(abandonSeven)),
                "a decided chunk is not abandoned");

        assertTrue(recovery.abandonAcceptedBefore(Instant.now().plusSeconds(5)) >= 1);
        assertEquals(List.of(), openSeqs.get());
        assertEquals(0, recovery.abandonAcceptedBefore(Instant.now().plusSeconds(5)), "nothing twice");
        var types = log.meeting(org, "m1").stream()
                .map(r -> r.entry().type() + ":" + r.entry().detail().get("chunkSeq"))
                .toList();
        assertEquals(List.of("CHUNK:5", "CHUNK:6", "CHUNK:7", "DECISION:5", "DECISION:7", "CHUNK_ABANDONED:6"), types);
        ChainVerifier.assertChain(log.meeting(org, "m1"));
    }

    @Test
    void appended_records_are_what_is_stored_and_hash_as_exported() {
        Instant fixed = Instant.parse("2030-05-06T07:08:09.123456Z");
        var log = db.auditLog(Clock.fixed(fixed, java.time.ZoneOffset.UTC));
        String org = "t" + Ids.next("o").substring(2, 14);
        var appended = log.append(List.of(new AuditEntry(
                AuditType.DECISION,
                org,
                "m1",
                "jae@acme.test",
                "engine",
                "pricing",
                "DENY",
                "fga",
                Map.of("chunkSeq", 12, "confidence", 0.91, "flags", List.of("a")))));
        var r = appended.get(0);
        assertEquals(Instant.parse("2030-05-06T07:08:09.123Z"), r.ts());
        assertTrue(r.id().startsWith("ev_"));
        ChainVerifier.assertChain(log.meeting(org, "m1"));
        String json = app.proxyme.engine.audit.format.AuditJson.toJson(r);
        assertTrue(
                json.startsWith(
                        "{\"id\":\"" + r.id() + "\",\"seq\":1,\"ts\":\"2030-05-06T07:08:09.123Z\","
                                + "\"org\":\"" + org
                                + "\",\"meeting\":\"m1\",\"user\":\"jae@acme.test\",\"actor\":\"engine\","
                                + "\"type\":\"decision\",\"topic\":\"pricing\",\"outcome\":\"DENY\",\"layer\":\"fga\",\"detail\":"),
                json);
        assertTrue(
                json.endsWith("\"meetingPrev\":\"" + AuditRecord.GENESIS + "\",\"hash\":\"" + r.hash() + "\"}"), json);
    }

    @Test
    @Timeout(120)
    void acknowledged_audit_events_survive_kill_9() throws Exception {
        String org = "k" + Ids.next("o").substring(2, 14);
        db.close(); // one process at a time on an H2 file
        String[] c = connection();
        String javaBin = ProcessHandle.current().info().command().orElseThrow();
        var child = new ProcessBuilder(
                        javaBin,
                        "-cp",
                        System.getProperty("java.class.path"),
                        AuditAppender.class.getName(),
                        c[0],
                        c[1],
                        c[2],
                        org)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long acknowledged = 0;
        try (var out = new java.io.BufferedReader(
                new java.io.InputStreamReader(child.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
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
                return log.append(List.of(new AuditEntry(
                        AuditType.CHUNK,
                        org,
                        null,
                        null,
                        "engine",
                        null,
                        null,
                        null,
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
    @Timeout(60)
    void a_batch_whose_commit_is_not_acknowledged_is_retried_without_appending_anything_twice() throws Exception {
        String org = "i" + Ids.next("o").substring(2, 14);
        var log = (GroupCommitAuditLog) db.auditLog(Clock.systemUTC());
        int callers = 12;
        var lost = new java.util.concurrent.atomic.AtomicBoolean();
        log.chain().afterCommit = records -> {
            if (records.size() == 1 && !lost.get()) {
                // hold the committer until every other caller waits, so that they form one batch
                long until = System.nanoTime() + 10_000_000_000L;
                while (log.queued() < callers - 1 && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            } else if (records.size() > 1 && lost.compareAndSet(false, true)) {
                throw new app.proxyme.domain.DependencyUnavailableException(
                        "database", "connection lost while the commit was acknowledged");
            }
        };
        var returned = new ArrayList<AuditRecord>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            var futures = new ArrayList<Future<List<AuditRecord>>>();
            for (int i = 0; i < callers; i++) {
                int n = i;
                futures.add(pool.submit(() -> log.append(List.of(entry(org, "m" + (n % 3), n)))));
                if (i == 0) {
                    while (log.queued() > 0) { // the first caller's commit starts alone
                        Thread.onSpinWait();
                    }
                }
            }
            for (var f : futures) {
                returned.addAll(f.get());
            }
        }

        assertTrue(lost.get(), "a batch of several callers lost its acknowledgement");
        var stored = db.auditEvents(org, 1, Long.MAX_VALUE);
        assertEquals(callers, stored.size(), "each caller's event stored once");
        ChainVerifier.assertChain(stored);
        returned.sort(java.util.Comparator.comparingLong(AuditRecord::seq));
        assertEquals(stored, returned, "each caller got its event as stored");
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
        db.policyAdmin()
                .replace(new app.proxyme.engine.policy.file.PolicyDocument(
                        doc.org(),
                        doc.name(),
                        doc.topics(),
                        doc.roles(),
                        doc.members(),
                        doc.rules(),
                        new app.proxyme.engine.policy.file.PolicyDocument.SettingsSpec(null, null, null, 30)));
        assertEquals(30, db.auditPruning().retentionDays().get("globex"));
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
        var seal = app.proxyme.engine.testsupport.TestKeys.seal();
        var retention = new app.proxyme.engine.audit.AuditRetention(
                db.auditPruning(), db.auditReader(), log, seal, Clock.systemUTC());

        var pruned = retention.run();

        assertEquals(1, pruned.size(), pruned.toString());
        assertEquals(before - 5, pruned.get(0).throughSeq());
        assertEquals(before - 5, pruned.get(0).deleted());
        var remaining = db.auditEvents("globex", 1, Long.MAX_VALUE);
        assertEquals(before - 4, remaining.get(0).seq());
        var checkpoint = remaining.stream()
                .filter(r -> r.entry().type() == AuditType.CHECKPOINT)
                .findFirst()
                .orElseThrow();
        assertEquals(remaining.get(0).prev(), checkpoint.entry().detail().get("lastPrunedHash"));
        var admin = new app.proxyme.domain.policy.Member("admin@globex.test", "globex", "org_admin", null);
        var records = new app.proxyme.engine.meeting.MeetingRecords(db.meetingStore(), log);
        var verdict = new app.proxyme.engine.audit.AuditTrail(db.auditReader(), log, records, seal).verify(admin);
        assertTrue(verdict.ok(), verdict.toString());
        assertEquals(7, verdict.events(), "5 kept, the checkpoint and the retention record");
        var forgedSeal = app.proxyme.engine.testsupport.TestKeys.seal();
        var refused = new app.proxyme.engine.audit.AuditTrail(db.auditReader(), log, records, forgedSeal).verify(admin);
        assertFalse(refused.ok(), "a checkpoint signed by another key does not vouch for the pruned prefix");
        assertTrue(retention.run().isEmpty(), "nothing more to prune");
    }

    @Test
    void the_database_refuses_an_audit_retention_below_thirty_days() throws Exception {
        String[] c = connection();
        try (var con = java.sql.DriverManager.getConnection(c[0], c[1], c[2]);
                var s = con.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE org_settings SET audit_retention_days = 30 WHERE org = 'acme'"));
            assertThrows(
                    java.sql.SQLException.class,
                    () -> s.executeUpdate("UPDATE org_settings SET audit_retention_days = 1 WHERE org = 'acme'"));
        }
    }

    @Test
    void after_retention_a_cut_meetings_export_carries_its_checkpoint_and_verifies() throws Exception {
        String org = "r" + Ids.next("o").substring(2, 14);
        db.policyAdmin().replace(PolicyDocuments.retaining(org, 30));
        db.meetingStore().join(org, "m-cut", "jae@acme.test");
        db.meetingStore().join(org, "m-gone", "jae@acme.test");
        db.meetingStore().join(org, "m-new", "jae@acme.test");
        Instant now = Instant.now();
        var old = db.auditLog(Clock.fixed(now.minus(Duration.ofDays(40)), java.time.ZoneOffset.UTC));
        for (int i = 0; i < 6; i++) {
            old.append(List.of(entry(org, i % 2 == 0 ? "m-cut" : "m-gone", i), entry(org, null, i)));
        }
        var log = db.auditLog(Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            log.append(List.of(entry(org, "m-cut", 10 + i), entry(org, "m-new", 10 + i)));
        }
        var seal = app.proxyme.engine.testsupport.TestKeys.seal();
        var retention = new app.proxyme.engine.audit.AuditRetention(
                db.auditPruning(), db.auditReader(), log, seal, Clock.systemUTC());
        assertEquals(1, retention.run().size());
        // a pruned meeting that goes on after the cut starts afresh
        log.append(List.of(entry(org, "m-gone", 20)));

        var admin = new Member("admin@" + org + ".test", org, "org_admin", null);
        var records = new app.proxyme.engine.meeting.MeetingRecords(db.meetingStore(), log);
        var trail = new app.proxyme.engine.audit.AuditTrail(db.auditReader(), log, records, seal);
        String jwks = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(seal.publicJwks());
        var published = app.proxyme.engine.audit.seal.CheckpointKeys.read(
                new java.io.ByteArrayInputStream(jwks.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (String meeting : List.of("m-cut", "m-gone")) {
            var out = new java.io.ByteArrayOutputStream();
            trail.export(admin, new app.proxyme.domain.audit.ExportQuery("jsonl", null, null, null, null, meeting))
                    .writeTo(out);
            String export = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            var offline = new app.proxyme.engine.audit.verify.ParallelAuditVerifier(2)
                    .verify(
                            new java.io.ByteArrayInputStream(out.toByteArray()),
                            app.proxyme.engine.audit.verify.ChainCheck.Mode.ANY,
                            null,
                            published);
            assertTrue(offline.ok(), meeting + ": " + offline + "\n" + export);
            assertEquals("meetingPrev", offline.by(), meeting);
            if (meeting.equals("m-cut")) {
                assertTrue(
                        export.startsWith("{\"id\":") && export.split("\n")[0].contains("\"type\":\"checkpoint\""),
                        "the export starts with the checkpoint that vouches for the cut: " + export);
                assertTrue(offline.anchor().startsWith("checkpoint seq"), offline.anchor());
                assertTrue(offline.anchor().contains("signature valid"), offline.anchor());
            } else {
                assertEquals("genesis", offline.anchor(), "m-gone was pruned whole, then started afresh");
            }
        }
        for (String meeting : List.of("m-cut", "m-gone", "m-new")) {
            var server = trail.verifyMeeting(admin, meeting);
            assertTrue(server.ok(), meeting + ": " + server);
            assertEquals("meetingPrev", server.by());
        }
        assertTrue(trail.verifyMeeting(admin, "m-cut").anchor().contains("signature valid"));
        assertTrue(trail.verify(admin).ok(), "and the organisation's chain");
        var forged = app.proxyme.engine.testsupport.TestKeys.seal();
        var forgedTrail = new app.proxyme.engine.audit.AuditTrail(db.auditReader(), log, records, forged);
        assertFalse(
                forgedTrail.verifyMeeting(admin, "m-cut").ok(),
                "without a checkpoint signed by the audit key the cut meeting does not verify");
        var out = new java.io.ByteArrayOutputStream();
        trail.export(admin, new app.proxyme.domain.audit.ExportQuery("jsonl", null, null, null, null, "m-cut"))
                .writeTo(out);
        String forgedJwks = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(forged.publicJwks());
        var wrongKeys = app.proxyme.engine.audit.seal.CheckpointKeys.read(
                new java.io.ByteArrayInputStream(forgedJwks.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var refused = new app.proxyme.engine.audit.verify.ParallelAuditVerifier(2)
                .verify(
                        new java.io.ByteArrayInputStream(out.toByteArray()),
                        app.proxyme.engine.audit.verify.ChainCheck.Mode.ANY,
                        null,
                        wrongKeys);
        assertFalse(refused.ok(), "a checkpoint the published keys did not sign vouches for nothing: " + refused);
    }

    @Nested
    class AciStoresContract extends app.proxyme.domain.port.out.contract.AciStoresContractTest {
        private Database.AciStores aci() {
            return db.aciStores(Clock.systemUTC());
        }

        @Override
        protected app.proxyme.domain.port.out.AgentRegistry agents() {
            return aci().agents();
        }

        @Override
        protected app.proxyme.domain.port.out.TokenRefs tokens() {
            return aci().tokens();
        }

        @Override
        protected app.proxyme.domain.port.out.ReplayGuard replay() {
            return aci().replay();
        }

        @Override
        protected app.proxyme.domain.port.out.Handoffs handoffs() {
            return aci().handoffs();
        }

        @Override
        protected app.proxyme.domain.port.out.Consents consents() {
            return aci().consents();
        }
    }

    @Nested
    class MeetingStoreContract extends MeetingStoreContractTest {
        @Override
        protected MeetingStore store() {
            return db.meetingStore();
        }
    }

    @Nested
    class ShareStoreContract extends app.proxyme.domain.port.out.contract.ShareStoreContractTest {
        @Override
        protected app.proxyme.domain.port.out.ShareStore store() {
            return db.shareStore();
        }
    }

    @Nested
    class SuggestionStoreContract extends SuggestionStoreContractTest {
        @Override
        protected SuggestionStore store() {
            return db.suggestionStore();
        }

        @Override
        protected SuggestionStore reopened() {
            db.close();
            db = open();
            return db.suggestionStore();
        }
    }

    @Nested
    class PolicyStoreContract extends PolicyStoreContractTest {
        @Override
        protected PolicyStore subject() {
            return db.policyStore();
        }

        @Override
        protected void store(OrgPolicy policy, List<Member> members) {
            db.policyAdmin().replace(PolicyDocuments.of(policy, members));
        }
    }

    @Nested
    class AuditLogContract extends AuditLogContractTest {
        @Override
        protected AuditLog log(Clock clock) {
            return db.auditLog(clock);
        }
    }

    @Nested
    class AuditReaderContract extends AuditReaderContractTest {
        @Override
        protected AuditLog log(Clock clock) {
            return db.auditLog(clock);
        }

        @Override
        protected AuditReader reader() {
            return db.auditReader();
        }
    }

    @Nested
    class AuditPruningContract extends AuditPruningContractTest {
        @Override
        protected AuditLog log(Clock clock) {
            return db.auditLog(clock);
        }

        @Override
        protected AuditReader reader() {
            return db.auditReader();
        }

        @Override
        protected AuditPruning pruning() {
            return db.auditPruning();
        }

        @Override
        protected void retain(String org, Integer days) {
            db.policyAdmin().replace(PolicyDocuments.retaining(org, days));
        }
    }

    /** The embedded relationship check over the tuple table, its grants written as policy documents are. */
    @Nested
    class RelationshipCheckContract extends RelationshipCheckContractTest {
        private EmbeddedRelationshipCheck check;

        @Override
        protected RelationshipCheck subject() {
            if (check == null) {
                check = new EmbeddedRelationshipCheck(db.tupleStore());
            }
            return check;
        }

        @Override
        protected void grant(Grants grants) {
            db.policyAdmin().replace(PolicyDocuments.of(grants));
        }

        @Override
        protected void makeUnavailable() {
            subject();
            db.close();
        }
    }

    /** Conditional tuples keep their condition and stored context in the tuple table (V17). */
    @Nested
    class ConditionalCheckContract extends app.proxyme.engine.adapter.ConditionalCheckContractTest {
        private EmbeddedRelationshipCheck check;

        @Override
        protected RelationshipCheck subject() {
            if (check == null) {
                check = new EmbeddedRelationshipCheck(MODEL, db.tupleStore());
            }
            return check;
        }

        @Override
        protected void write(List<app.proxyme.engine.fga.Tuple> tuples) {
            db.tupleStore().write(tuples);
        }
    }

    static AuditEntry entry(String org, String meeting, int i) {
        return new AuditEntry(
                AuditType.CHUNK, org, meeting, "jae@acme.test", "engine", null, null, null, Map.of("chunkSeq", i));
    }
}
