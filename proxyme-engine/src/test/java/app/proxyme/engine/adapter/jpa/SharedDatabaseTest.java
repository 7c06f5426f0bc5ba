package app.proxyme.engine.adapter.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.audit.ShareGrant;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.adapter.jose.EmbeddedIdentity;
import app.proxyme.engine.audit.AuditTrail;
import app.proxyme.engine.audit.seal.ShareTokens;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.keys.KeyRing;
import app.proxyme.engine.keys.RingKey;
import app.proxyme.engine.meeting.ChunkRecovery;
import app.proxyme.engine.meeting.InstanceLiveness;
import app.proxyme.engine.meeting.LaneHandover;
import app.proxyme.engine.meeting.MeetingRecords;
import app.proxyme.engine.policy.PolicySeeder;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.testsupport.Prerequisites;
import app.proxyme.engine.testsupport.TestKeys;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database (issue 12): what one writes is in force on the other within a second,
 * although both cache it; an instance that cannot hear the other's changes reads through and says so; jobs run
 * under one holder's lease; both agree on the signing keys; concurrent appends keep one audit chain.
 */
class SharedDatabaseTest {
    private static final Duration IN_FORCE_WITHIN = Duration.ofSeconds(1);
    private static final Clock CLOCK = Clock.systemUTC();
    private static final KeyRing.Rotation ROTATION =
            new KeyRing.Rotation(Duration.ofDays(90), Duration.ofMinutes(10), Duration.ofHours(12));
    private static Prerequisites.Postgres pg;
    private static String schema;
    private static Database a;
    private static Database b;

    @BeforeAll
    static void twoInstances() throws Exception {
        pg = Prerequisites.postgres();
        schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = pg.connect();
                var s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = pg.url() + (pg.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
        a = Database.open(url, pg.user(), pg.password());
        b = Database.open(url, pg.user(), pg.password());
        new PolicySeeder(a.policyAdmin()).seed();
    }

    @AfterAll
    static void drop() throws Exception {
        for (Database db : new Database[] {a, b}) {
            if (db != null) {
                db.close();
            }
        }
        if (schema != null) {
            try (Connection c = pg.connect();
                    var s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void a_member_removed_and_a_policy_replaced_on_one_instance_are_in_force_on_the_other_within_a_second() {
        assertTrue(b.sharedCaches().state().trusted(), b.sharedCaches().state().how());
        PolicyDocument acme = a.policyAdmin().export("acme").orElseThrow();
        String removed = acme.members().keySet().stream().sorted().findFirst().orElseThrow();
        assertTrue(b.policyStore().member(removed).isPresent(), "b has read (and cached) " + removed);
        long version = b.policyStore().policy("acme").catalog().version();

        var members = new LinkedHashMap<>(acme.members());
        members.remove(removed);
        a.policyAdmin().replace(acme.withMembers(members));

        long ms = awaitWithin(
                IN_FORCE_WITHIN, () -> b.policyStore().member(removed).isEmpty(), removed + " still a member on b");
        System.out.printf("a member removed on instance a was gone on instance b after %d ms%n", ms);
        awaitWithin(
                IN_FORCE_WITHIN,
                () -> b.policyStore().policy("acme").catalog().version() != version,
                "b still decides with policy version " + version);
    }

    @Test
    void a_condition_changed_on_one_instance_decides_on_the_other_within_a_second() {
        PolicyDocument acme = a.policyAdmin().export("acme").orElseThrow();
        var onB = new ConditionalDecisions(b, "acme");
        var values = Map.<String, Object>of("deal_size", 30000L);
        assertEquals(
                Outcome.AUTO,
                onB.pricing("ae@acme.test", values).outcome(),
                "b has built its model with acme's condition");
        var roles = new LinkedHashMap<>(acme.roles());
        var ae = roles.get("account_executive");
        roles.put(
                "account_executive",
                new PolicyDocument.RoleSpec(
                        ae.auto(), ae.approve(), ae.deny(), Map.of("pricing", "deal_size < 20000")));
        try {
            a.policyAdmin().replace(acme.withRoles(roles));

            long ms = awaitWithin(
                    IN_FORCE_WITHIN,
                    () -> onB.pricing("ae@acme.test", values).outcome() == Outcome.APPROVE,
                    "b still answers pricing on its own at 30,000");
            System.out.printf("a condition changed on instance a was in force on instance b after %d ms%n", ms);
        } finally {
            a.policyAdmin().replace(acme);
        }
    }

    @Test
    void a_tuple_written_on_one_instance_is_checked_on_the_other_within_a_second() {
        var check = new EmbeddedRelationshipCheck(b.tupleStore());
        String user = "user:zed-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        var query = new RelationshipQuery(user, "member", "organization:acme");
        assertFalse(check.check(List.of(query)).get(0), "b has built its index without the tuple");

        a.tupleStore().write(List.of(new Tuple("organization:acme", "member", user)));

        long ms = awaitWithin(IN_FORCE_WITHIN, () -> check.check(List.of(query)).get(0), "b does not see a's tuple");
        System.out.printf("a tuple written on instance a was checked on instance b after %d ms%n", ms);
    }

    @Test
    void a_topic_switched_off_on_one_instance_is_off_on_the_other_within_a_second() {
        String meeting = "m-" + UUID.randomUUID().toString().substring(0, 8);
        a.meetingStore().join("acme", meeting, "jae@acme.test");
        assertTrue(
                b.meetingStore()
                        .disabledTopics("acme", meeting, "jae@acme.test")
                        .isEmpty(),
                "b has cached: none");

        a.meetingStore().setTopicEnabled("acme", meeting, "jae@acme.test", "pricing", false);

        long ms = awaitWithin(
                IN_FORCE_WITHIN,
                () -> b.meetingStore()
                        .disabledTopics("acme", meeting, "jae@acme.test")
                        .contains("pricing"),
                "pricing still on for b");
        System.out.printf("a topic switched off on instance a was off on instance b after %d ms%n", ms);
    }

    @Test
    void a_meeting_value_set_on_one_instance_is_read_on_the_other_within_a_second() {
        String meeting = "m-" + UUID.randomUUID().toString().substring(0, 8);
        a.meetingStore().join("acme", meeting, "jae@acme.test");
        assertEquals(Map.of(), b.meetingStore().context("acme", meeting, "jae@acme.test"), "b has cached: none");

        a.meetingStore().setContext("acme", meeting, "jae@acme.test", Map.of("deal_size", 30000));

        long ms = awaitWithin(
                IN_FORCE_WITHIN,
                () -> Map.of("deal_size", 30000).equals(b.meetingStore().context("acme", meeting, "jae@acme.test")),
                "b still reads no deal size");
        System.out.printf("a meeting value set on instance a was read on instance b after %d ms%n", ms);
    }

    @Test
    void a_lease_is_held_by_one_instance_at_a_time_and_moves_when_its_holder_stops_renewing() throws Exception {
        String job = "job-" + UUID.randomUUID().toString().substring(0, 8);
        Duration ttl = Duration.ofMillis(300);
        assertTrue(a.leases().hold(job, ttl), "a takes the free lease");
        assertFalse(b.leases().hold(job, ttl), "b cannot while a holds it");
        assertTrue(a.leases().hold(job, ttl), "a renews it");
        assertEquals(a.leases().instance(), b.leases().holder(job).orElseThrow().instance());

        Thread.sleep(ttl.toMillis() + 50); // a dies: it renews no more
        assertTrue(b.leases().hold(job, ttl), "b takes over the expired lease");
        assertFalse(a.leases().hold(job, ttl), "a, back, does not take it from b");

        b.leases().release(job);
        assertTrue(b.leases().holder(job).isEmpty());
        assertTrue(a.leases().hold(job, ttl), "released: a takes it at once");

        Thread.sleep(ttl.toMillis() + 50);
        assertEquals(0, b.leases().forgetExpired(job, Duration.ofSeconds(60)), "expired, but not that long ago");
        assertEquals(1, b.leases().forgetExpired(job, Duration.ZERO));
        assertTrue(a.leases().holder(job).isEmpty(), "forgotten");
    }

    @Test
    void instances_racing_for_a_free_lease_get_one_holder() throws Exception {
        String job = "race-" + UUID.randomUUID().toString().substring(0, 8);
        var start = new java.util.concurrent.CountDownLatch(1);
        var winners = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
        var threads = new java.util.ArrayList<Thread>();
        for (Database db : List.of(a, b, a, b)) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    if (db.leases().hold(job, Duration.ofSeconds(30))) {
                        winners.add(db.leases().instance());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        String holder = a.leases().holder(job).orElseThrow().instance();
        // the holder may win twice (a take, then a renewal); the other instance never
        assertEquals(java.util.Set.of(holder), winners);
        assertFalse((holder.equals(a.leases().instance()) ? b : a).leases().hold(job, Duration.ofSeconds(30)));
    }

    @Test
    void without_its_notifications_an_instance_reads_through_says_so_and_listens_again() throws Exception {
        PolicyDocument globex = a.policyAdmin().export("globex").orElseThrow();
        String member = globex.members().keySet().stream().sorted().findFirst().orElseThrow();
        assertTrue(b.policyStore().member(member).isPresent());

        terminateListeners();
        awaitWithin(
                Duration.ofSeconds(2),
                () -> !b.sharedCaches().state().trusted(),
                "b did not notice that it stopped listening");
        assertTrue(
                b.sharedCaches().state().how().contains("reading through"),
                b.sharedCaches().state().how());

        var members = new LinkedHashMap<>(globex.members());
        members.remove(member);
        a.policyAdmin().replace(globex.withMembers(members));
        // whether b is listening again yet or still reading through, it must not answer from its old cache
        assertTrue(b.policyStore().member(member).isEmpty(), "b answered from a cache it could not trust");

        awaitWithin(Duration.ofSeconds(10), () -> b.sharedCaches().state().trusted(), "b does not listen again");
        assertTrue(b.policyStore().member(member).isEmpty());
        assertEquals(
                a.policyStore().policy("globex").catalog().version(),
                b.policyStore().policy("globex").catalog().version());
    }

    @Test
    void instances_starting_at_once_on_an_empty_database_agree_on_one_key_and_accept_each_others_tokens()
            throws Exception {
        String purpose = "k" + UUID.randomUUID().toString().substring(0, 8);
        var start = new java.util.concurrent.CountDownLatch(1);
        var rings = new java.util.concurrent.ConcurrentHashMap<Database, KeyRing>();
        var threads = new java.util.ArrayList<Thread>();
        for (Database db : List.of(a, b)) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    rings.put(
                            db,
                            KeyRing.open(db.keyStore(), purpose, KeyRing.Kind.RSA, ROTATION, CLOCK, Optional.empty()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(rings.get(a).signing().kid(), rings.get(b).signing().kid(), "one key for both");
        assertEquals(1, a.keyStore().keys(purpose).size());

        // a token signed on a is accepted on b, also right after a rotation on a that b has not read yet
        var onA = new EmbeddedIdentity(rings.get(a), a.policyStore(), CLOCK);
        var onB = new EmbeddedIdentity(rings.get(b), b.policyStore(), CLOCK);
        String before = onA.login("jae@acme.test").orElseThrow().token();
        assertTrue(onB.verify(before).isPresent());
        RingKey rotated = rings.get(a).rotate(Duration.ZERO);
        String after = onA.login("jae@acme.test").orElseThrow().token();
        assertEquals(rotated.kid(), com.auth0.jwt.JWT.decode(after).getKeyId());
        // a key that signs at once (no publishing ahead): b looks up the id it does not know, at most once a second
        awaitWithin(Duration.ofMillis(1500), () -> onB.verify(after).isPresent(), "b never accepts a's new key");
        assertTrue(onB.verify(before).isPresent(), "the old key verifies until its tokens expire");
        assertTrue(onB.jwks().toString().contains(rotated.kid()));
    }

    @Test
    void a_pairing_code_redeems_once_when_both_instances_race_for_it() throws Exception {
        for (int round = 0; round < 20; round++) {
            String hash = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
            Instant now = Instant.now();
            a.pairingCodes().save(hash, "acme", "ae@acme.test", now, now.plusSeconds(300));
            var winners = new java.util.concurrent.atomic.AtomicInteger();
            var start = new java.util.concurrent.CountDownLatch(1);
            var racers = new java.util.ArrayList<Thread>();
            for (Database db : List.of(a, b, a, b)) {
                racers.add(Thread.ofPlatform().start(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    db.pairingCodes().redeem(hash, Instant.now()).ifPresent(h -> winners.incrementAndGet());
                }));
            }
            start.countDown();
            for (Thread t : racers) {
                t.join();
            }
            assertEquals(1, winners.get(), "round " + round + ": exactly one redeemer");
        }
    }

    @Test
    void a_share_link_made_on_one_instance_opens_on_the_other() {
        String purpose = "s" + UUID.randomUUID().toString().substring(0, 8);
        var onA = new ShareTokens(
                KeyRing.open(a.keyStore(), purpose, KeyRing.Kind.HMAC, ROTATION, CLOCK, Optional.empty()), CLOCK);
        var onB = new ShareTokens(
                KeyRing.open(b.keyStore(), purpose, KeyRing.Kind.HMAC, ROTATION, CLOCK, Optional.empty()), CLOCK);
        var grant =
                new ShareGrant("acme", "m-1", Instant.now().plusSeconds(600).truncatedTo(ChronoUnit.SECONDS), "sh_1");
        assertEquals(grant, onB.check(onA.issue(grant)));
    }

    @Test
    void concurrent_appends_from_both_instances_keep_one_gap_free_chain_that_both_verify() throws Exception {
        var logs = List.of(a.auditLog(CLOCK), b.auditLog(CLOCK));
        long before = a.auditReader().head("acme").seq();
        var start = new java.util.concurrent.CountDownLatch(1);
        var threads = new java.util.ArrayList<Thread>();
        for (int t = 0; t < 6; t++) {
            var log = logs.get(t % 2);
            int writer = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 40; i++) {
                        log.append(List.of(new AuditEntry(
                                AuditType.CHUNK,
                                "acme",
                                "m-" + (i % 3),
                                "jae@acme.test",
                                "engine",
                                null,
                                null,
                                null,
                                java.util.Map.of("writer", writer, "chunkSeq", i))));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(before + 240, b.auditReader().head("acme").seq(), "every append counted once");
        ChainVerifier.assertChain(a.auditEvents("acme", 1, Long.MAX_VALUE));
        var admin = new app.proxyme.domain.policy.Member("admin@acme.test", "acme", "org_admin", null);
        for (Database db : List.of(a, b)) {
            var trail = new AuditTrail(
                    db.auditReader(),
                    db.auditLog(CLOCK),
                    new MeetingRecords(db.meetingStore(), db.auditLog(CLOCK)),
                    TestKeys.seal());
            var verdict = trail.verify(admin);
            assertTrue(verdict.ok(), verdict.toString());
            assertEquals(before + 240, verdict.events());
        }
    }

    @Test
    void a_users_messages_published_on_one_instance_reach_the_other_once_and_in_order() throws Exception {
        String user = "u-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        var onA = heard(a, user);
        var onB = heard(b, user);
        for (int i = 0; i < 50; i++) {
            a.messageRelay()
                    .orElseThrow()
                    .publish(new MessageRelay.Relayed("acme", user, i % 2 == 0 ? null : "m-1", "{\"n\":" + i + "}"));
        }
        long ms = awaitWithin(Duration.ofSeconds(2), () -> onB.size() >= 50, "b heard " + onB);
        System.out.printf("50 messages published on instance a were heard on instance b after %d ms%n", ms);
        Thread.sleep(300);
        assertEquals(
                java.util.stream.IntStream.range(0, 50)
                        .mapToObj(i -> "{\"n\":" + i + "}")
                        .toList(),
                onB.stream().map(MessageRelay.Relayed::body).toList(),
                "once each, in order");
        assertEquals("m-1", onB.get(1).meetingId());
        assertEquals(null, onB.get(0).meetingId());
        assertTrue(onA.isEmpty(), "an instance does not hear its own messages back");
    }

    @Test
    void messages_published_while_an_instance_did_not_listen_reach_it_when_it_listens_again() throws Exception {
        String user = "v-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        var onB = heard(b, user);
        var before = new MessageRelay.Relayed("acme", user, null, "{\"n\":\"before\"}");
        a.messageRelay().orElseThrow().publish(before);
        awaitWithin(Duration.ofSeconds(2), () -> onB.size() == 1, "b did not hear the first message");

        terminateListeners();
        awaitWithin(Duration.ofSeconds(2), () -> !b.sharedCaches().state().trusted(), "b still listens");
        var during = new MessageRelay.Relayed("acme", user, null, "{\"n\":\"during\"}");
        a.messageRelay().orElseThrow().publish(during);

        awaitWithin(Duration.ofSeconds(10), () -> onB.size() == 2, "b did not catch up: " + onB);
        Thread.sleep(300);
        assertEquals(List.of(before, during), List.copyOf(onB), "caught up once, the first not again");
    }

    @Test
    void a_members_chunks_another_instance_accepted_are_awaited_while_it_runs_and_abandoned_once_it_stopped()
            throws Exception {
        String meeting = "lane-" + UUID.randomUUID().toString().substring(0, 8);
        var member = new app.proxyme.domain.policy.Member("jae@acme.test", "acme", "junior_ae", null);
        var onA = a.auditLog(CLOCK);
        new InstanceLiveness(a.leases(), CLOCK).beat();
        var livenessB = new InstanceLiveness(b.leases(), CLOCK);
        var handover = new LaneHandover(
                b.openChunks(), livenessB, new ChunkRecovery(b.openChunks(), b.auditLog(CLOCK), livenessB));
        onA.append(List.of(chunkEvent(AuditType.CHUNK, meeting, 1)));

        var returned = new java.util.concurrent.CountDownLatch(1);
        Thread.ofPlatform().start(() -> {
            handover.awaitEarlierChunks(member, meeting);
            returned.countDown();
        });
        assertFalse(
                returned.await(300, java.util.concurrent.TimeUnit.MILLISECONDS),
                "b decides nothing of the member's while a, running, has not decided chunk 1");
        onA.append(List.of(chunkEvent(AuditType.DECISION, meeting, 1)));
        assertTrue(returned.await(2, java.util.concurrent.TimeUnit.SECONDS), "chunk 1 decided: b goes on");

        onA.append(List.of(chunkEvent(AuditType.CHUNK, meeting, 2)));
        a.leases().release("alive." + a.leases().instance()); // a stops: it says no more that it is alive
        long start = System.nanoTime();
        handover.awaitEarlierChunks(member, meeting);
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "no waiting for a stopped instance");
        var trail = a.auditEvents("acme", 1, Long.MAX_VALUE).stream()
                .filter(r -> meeting.equals(r.entry().meeting()))
                .map(r -> r.entry().type() + " " + r.entry().detail().get("chunkSeq"))
                .toList();
        assertEquals(List.of("CHUNK 1", "DECISION 1", "CHUNK 2", "CHUNK_ABANDONED 2"), trail);
    }

    private static AuditEntry chunkEvent(AuditType type, String meeting, long seq) {
        return new AuditEntry(
                type, "acme", meeting, "jae@acme.test", "engine", null, null, null, java.util.Map.of("chunkSeq", seq));
    }

    /** What {@code db}'s relay hands on for {@code user}, from now on. */
    private static List<MessageRelay.Relayed> heard(Database db, String user) {
        new InstanceLiveness(db.leases(), CLOCK).beat(); // a publisher writes only while another instance is alive
        var heard = new java.util.concurrent.CopyOnWriteArrayList<MessageRelay.Relayed>();
        db.messageRelay().orElseThrow().deliverTo(m -> {
            if (m.user().equals(user)) {
                heard.add(m);
            }
        });
        return heard;
    }

    /** Ends every change listener's session on the server, as a failover or a network cut would. */
    private static void terminateListeners() throws Exception {
        try (Connection c = pg.connect();
                var s = c.createStatement();
                var r = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE application_name = '" + ChangeListener.APPLICATION_NAME + "'")) {
            r.next();
            assertTrue(r.getLong(1) >= 2, "both instances listen: " + r.getLong(1));
        }
    }

    /** @return how long it took, in ms */
    private static long awaitWithin(Duration limit, BooleanSupplier condition, String failure) {
        long start = System.nanoTime();
        long until = start + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                fail(failure + " after " + limit.toMillis() + " ms");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }
}
