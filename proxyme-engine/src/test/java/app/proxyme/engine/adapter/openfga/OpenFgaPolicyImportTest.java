package app.proxyme.engine.adapter.openfga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.decision.Outcome;
import app.proxyme.domain.policy.Member;
import app.proxyme.engine.adapter.jpa.ConditionalDecisions;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.fga.RemoteFga;
import app.proxyme.engine.fga.RemoteModelLease;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.policy.PolicyAdmin;
import app.proxyme.engine.policy.PolicyAsCode;
import app.proxyme.engine.policy.PolicyCases;
import app.proxyme.engine.policy.PolicySeeder;
import app.proxyme.engine.policy.RuntimeModels;
import app.proxyme.engine.policy.file.PolicyDocument;
import app.proxyme.engine.policy.file.PolicyTuples;
import app.proxyme.engine.policy.file.PolicyYaml;
import app.proxyme.engine.policy.rules.RuleReading;
import app.proxyme.engine.testsupport.Prerequisites;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connected mode (issue 17): a policy import that adds or changes an {@code auto_when} condition writes a new model
 * to the OpenFGA store before its conditional tuples, and every instance on the database and the store decides with
 * it at once; a model the server does not take, or a pinned model id, fails the import with nothing changed.
 */
class OpenFgaPolicyImportTest {
    private static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final Member ADMIN = new Member("admin@acme.test", "acme", "org_admin", "Ada");
    private static final String SECURITY = "Do you hold an ISO 27001 certificate?";
    /** junior_ae answers security on its own for small deals: a condition acme's stored policy does not have. */
    private static final String SMALL_DEALS = "deal_size < 20000";

    private Prerequisites.Postgres pg;
    private String schema;
    private Database a;
    private Database b;
    private OpenFgaStub stub;
    private OpenFga onA;
    private OpenFga onB;

    @BeforeEach
    void twoInstancesOnOneStore() throws Exception {
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
        stub = new OpenFgaStub();
        onA = start(a.policyAdmin());
        onB = start(b.policyAdmin());
    }

    /** An instance's start without a model id: the runtime model, and the tuples when the store has none. */
    private OpenFga start(PolicyAdmin admin) {
        var tuples = new ArrayList<Tuple>();
        admin.organisations()
                .forEach(org -> tuples.addAll(PolicyTuples.of(admin.export(org).orElseThrow())));
        return OpenFga.connect(stub.settings(TIMEOUT), RuntimeModels.of(admin), tuples);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {onA, onB, stub, a, b}) {
            if (c != null) {
                c.close();
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
    void an_import_that_adds_a_condition_writes_a_model_first_and_both_instances_decide_with_it() {
        // Given
        var decideOnA = new ConditionalDecisions(a, "acme", onA.relationshipCheck());
        var decideOnB = new ConditionalDecisions(b, "acme", onB.relationshipCheck());
        assertEquals(
                Outcome.APPROVE,
                security(decideOnB, Map.of("deal_size", 10000L)).outcome());
        int models = stub.models.get();

        // When
        importOnA(withJuniorAe(SMALL_DEALS), onA);

        // Then
        assertEquals(models + 1, stub.models.get(), "one new model");
        assertNotNull(stub.newestModel().condition("auto_when_acme__junior_ae__security"));
        for (var decide : List.of(decideOnA, decideOnB)) {
            var small = security(decide, Map.of("deal_size", 10000L));
            assertEquals(Outcome.AUTO, small.outcome(), small.reason());
            assertEquals(
                    Outcome.APPROVE,
                    security(decide, Map.of("deal_size", 90000L)).outcome());
            var missing = security(decide, Map.of());
            assertEquals(Outcome.APPROVE, missing.outcome());
            assertTrue(missing.reason().contains("deal_size is missing"), missing.reason());
        }
        assertEquals(
                Outcome.AUTO,
                decideOnB.pricing("ae@acme.test", Map.of("deal_size", 30000L)).outcome(),
                "the stored policy's condition is still in the new model");
    }

    @Test
    void a_changed_condition_is_in_force_on_both_instances_and_an_import_without_one_writes_no_model() {
        importOnA(withJuniorAe(SMALL_DEALS), onA);
        var decideOnB = new ConditionalDecisions(b, "acme", onB.relationshipCheck());
        assertEquals(
                Outcome.AUTO, security(decideOnB, Map.of("deal_size", 15000L)).outcome());

        importOnA(withJuniorAe("deal_size < 12000"), onA);
        assertEquals(
                Outcome.APPROVE,
                security(decideOnB, Map.of("deal_size", 15000L)).outcome());
        int models = stub.models.get();

        importOnA(export(a), onA);
        assertEquals(models, stub.models.get(), "the same file again: the conditions did not change");
    }

    @Test
    void a_model_the_server_refuses_fails_the_import_with_nothing_changed() {
        String before = export(a);
        int tuples = stub.tuples.read("").size();
        var newest = stub.newestModel();
        stub.failModels = true;

        var e = assertThrows(DependencyUnavailableException.class, () -> importOnA(withJuniorAe(SMALL_DEALS), onA));

        assertTrue(e.getMessage().contains("did not take the model"), e.getMessage());
        assertEquals(before, export(a));
        assertEquals(tuples, stub.tuples.read("").size());
        assertEquals(newest, stub.newestModel());
    }

    @Test
    void when_the_tuples_fail_after_the_model_the_stored_policies_model_is_written_again() {
        String before = export(a);
        stub.failNextWrite();

        assertThrows(DependencyUnavailableException.class, () -> importOnA(withJuniorAe(SMALL_DEALS), onA));

        assertEquals(before, export(a));
        assertNull(stub.newestModel().condition("auto_when_acme__junior_ae__security"));
        assertNotNull(stub.newestModel().condition("auto_when_acme__account_executive__pricing"));
    }

    @Test
    void a_change_of_the_conditions_waits_for_the_model_lease_another_instance_holds() {
        String before = export(a);
        int models = stub.models.get();
        assertTrue(b.leases().hold(RemoteModelLease.NAME, Duration.ofSeconds(30)), "b writes a model");

        var e = assertThrows(DomainException.class, () -> importOnA(withJuniorAe(SMALL_DEALS), onA));

        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertTrue(e.getMessage().contains("another instance is writing the FGA model"), e.getMessage());
        assertEquals(before, export(a));
        assertEquals(models, stub.models.get(), "no model was written");
        b.leases().release(RemoteModelLease.NAME);
        importOnA(withJuniorAe(SMALL_DEALS), onA);
        assertEquals(models + 1, stub.models.get());
        assertTrue(b.leases().holder(RemoteModelLease.NAME).isEmpty(), "a gave the lease up after the change");
    }

    @Test
    void a_pinned_model_id_refuses_a_change_of_the_conditions_and_says_why() {
        String before = export(a);
        int models = stub.models.get();
        try (var pinned = OpenFga.open(stub.settings(TIMEOUT, "01MODEL0001"))) {
            var e = assertThrows(DomainException.class, () -> importOnA(withJuniorAe(SMALL_DEALS), pinned));

            assertEquals(DomainException.Kind.CONFLICT, e.kind());
            assertTrue(
                    e.getMessage().contains("PROXYME_FGA_MODEL_ID pins the OpenFGA model 01MODEL0001"), e.getMessage());
        }
        assertEquals(before, export(a));
        assertEquals(models, stub.models.get());
    }

    private void importOnA(String yaml, OpenFga fga) {
        var remote = new RemoteFga(
                fga.remoteTuples(), fga.remoteModel(), new RemoteModelLease(a.leases(), Duration.ofMillis(300)));
        new PolicyAsCode(a.policyAdmin(), remote, PolicyCases.SKIP, a.auditLog(Clock.systemUTC()), RuleReading.LOCAL)
                .replace(ADMIN, yaml);
    }

    /** acme's stored policy, with junior_ae answering security on its own while {@code expression} holds. */
    private String withJuniorAe(String expression) {
        PolicyDocument acme = a.policyAdmin().export("acme").orElseThrow();
        var roles = new LinkedHashMap<>(acme.roles());
        var jae = roles.get("junior_ae");
        assertTrue(jae.approve().contains("security"), "acme's junior_ae asks before answering security");
        roles.put(
                "junior_ae",
                new PolicyDocument.RoleSpec(jae.auto(), jae.approve(), jae.deny(), Map.of("security", expression)));
        return PolicyYaml.write(acme.withRoles(roles));
    }

    private static String export(Database db) {
        return PolicyYaml.write(db.policyAdmin().export("acme").orElseThrow());
    }

    private static app.proxyme.domain.decision.Decision security(
            ConditionalDecisions decide, Map<String, Object> context) {
        return decide.decide("jae@acme.test", "security", SECURITY, context);
    }
}
