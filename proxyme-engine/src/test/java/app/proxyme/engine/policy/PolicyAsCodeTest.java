package app.proxyme.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.fga.Tuple;
import app.proxyme.engine.policy.file.PolicyFiles;
import app.proxyme.engine.testsupport.FailingWrites;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy as code over the embedded database: export, import, validation with lines, isolation, audit. */
class PolicyAsCodeTest {
    private static final Member ADMIN = new Member("admin@acme.test", "acme", "org_admin", "Ada");
    private static final Member JAE = new Member("jae@acme.test", "acme", "junior_ae", "Jo");
    private static final Member GLOBEX_ADMIN = new Member("admin@globex.test", "globex", "org_admin", "G");

    @TempDir
    Path dir;

    private Database db;
    private PolicyAsCode policies;
    private final List<String> remoteCalls = new ArrayList<>();
    private final List<AuditEntry> audited = new ArrayList<>();
    private volatile boolean auditDown;
    private AuditLog audit;

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir), "sa", "");
        new PolicySeeder(db.policyAdmin()).seed();
        var log = db.auditLog(Clock.systemUTC());
        audit = new AuditLog() {
            @Override
            public List<AuditRecord> append(List<AuditEntry> entries) {
                if (auditDown) {
                    throw new DependencyUnavailableException("audit", "down");
                }
                audited.addAll(entries);
                return log.append(entries);
            }

            @Override
            public List<AuditRecord> meeting(String org, String meetingId) {
                return log.meeting(org, meetingId);
            }
        };
        policies = new PolicyAsCode(db.policyAdmin(), RemoteTuples.NONE, audit);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void export_import_export_is_byte_identical() {
        String first = policies.export(ADMIN);

        policies.replace(ADMIN, first);

        assertEquals(first, policies.export(ADMIN));
        assertTrue(first.startsWith("org: acme\nname: \"Acme Corp\"\n"), first.substring(0, 40));
        assertTrue(first.contains("  junior_ae:\n    auto: [product, scheduling, smalltalk]\n"));
    }

    @Test
    void every_setting_survives_export_and_import() {
        String withSettings = policies.export(ADMIN)
                        .replaceAll("(?s)settings:.*?(\n[a-z]|$)", "$1")
                        .stripTrailing()
                + "\nsettings:\n  minConfidence: 0.6\n  ambiguityMargin: 0.2\n  approvalTimeoutSeconds: 90\n"
                + "  auditRetentionDays: 30\n";

        policies.replace(ADMIN, withSettings);
        String exported = policies.export(ADMIN);

        assertTrue(exported.contains("auditRetentionDays: 30"), exported);
        assertTrue(exported.contains("approvalTimeoutSeconds: 90"), exported);
        policies.replace(ADMIN, exported);
        assertEquals(exported, policies.export(ADMIN));
    }

    @Test
    void a_changed_audit_retention_is_audited_with_its_old_and_new_value_and_a_short_one_is_refused() {
        String base = policies.export(ADMIN)
                .replaceAll("(?s)settings:.*?(\n[a-z]|$)", "$1")
                .stripTrailing();

        policies.replace(ADMIN, base + "\nsettings:\n  auditRetentionDays: 400\n");
        policies.replace(ADMIN, base + "\nsettings:\n  auditRetentionDays: 30\n");
        var refused = assertThrows(
                PolicyFiles.InvalidPolicyException.class,
                () -> policies.replace(ADMIN, base + "\nsettings:\n  auditRetentionDays: 1\n"));
        policies.replace(ADMIN, base + "\n");

        assertEquals(
                base.split("\n", -1).length + 2,
                refused.errors().get(0).line(),
                "the line of auditRetentionDays: " + refused.errors());
        assertTrue(
                refused.errors().get(0).message().contains("at least 30 days"),
                refused.errors().toString());
        assertEquals(3, audited.size(), "the refused import changed nothing and recorded nothing");
        assertEquals(
                java.util.Map.of("auditRetentionDays", oldAndNew(null, 400)),
                audited.get(0).detail().get("settings"));
        assertEquals(
                java.util.Map.of("auditRetentionDays", oldAndNew(400, 30)),
                audited.get(1).detail().get("settings"));
        assertEquals(
                java.util.Map.of("auditRetentionDays", oldAndNew(30, null)),
                audited.get(2).detail().get("settings"));
        assertEquals(
                List.of("settings.auditRetentionDays"), audited.get(2).detail().get("changed"));
    }

    @Test
    void a_changed_condition_or_context_declaration_is_named_in_policy_changed() {
        String exported = policies.export(ADMIN);

        policies.replace(ADMIN, exported.replace("deal_size < 50000", "deal_size < 20000"));
        policies.replace(ADMIN, exported.replace("  customer_tier: string\n", ""));

        assertEquals(List.of("roles.account_executive"), audited.get(0).detail().get("changed"));
        assertEquals(
                List.of("context.customer_tier", "roles.account_executive"),
                audited.get(1).detail().get("changed"));
    }

    private static java.util.Map<String, Object> oldAndNew(Object before, Object after) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("old", before);
        m.put("new", after);
        return m;
    }

    @Test
    void an_import_changes_the_permissions_and_is_audited() {
        String yaml = policies.export(ADMIN)
                .replace(
                        "  junior_ae:\n    auto: [product, scheduling, smalltalk]\n    approve: [security, commitment, competitors]\n",
                        "  junior_ae:\n    auto: [product, scheduling, smalltalk, security]\n    approve: [commitment, competitors]\n");
        assertTrue(yaml.contains("smalltalk, security]"), "the export lists topics in catalogue order");
        var check = new EmbeddedRelationshipCheck(db.tupleStore());
        assertEquals(List.of(false), ask(check, "security"));

        var imported = policies.replace(ADMIN, yaml);

        assertEquals(List.of(true), ask(check, "security"));
        assertEquals(1, imported.tuplesWritten());
        assertEquals(1, imported.tuplesDeleted());
        assertTrue(policies.export(ADMIN).contains("auto: [product, security, scheduling, smalltalk]"));
        assertEquals(1, audited.size());
        assertEquals(AuditType.POLICY_CHANGED, audited.get(0).type());
        assertEquals("admin@acme.test", audited.get(0).actor());
        assertEquals("acme", audited.get(0).org());
    }

    @Test
    void an_invalid_file_lists_every_problem_with_its_line_and_changes_nothing() {
        String before = policies.export(ADMIN);
        String yaml = before.replace(
                        "    auto: [product, scheduling, smalltalk]\n    approve: [security, commitment, competitors]",
                        "    auto: [product, scheduling, smalltalk, weather]\n    approve: [security, commitment, competitors]")
                .replace(
                        "  jae@acme.test: {role: junior_ae, name: \"Jo Junior-AE\"}\n",
                        "  jae@acme.test: {role: junior_ae, name: \"Jo Junior-AE\"}\n  jae@acme.test: {role: sales_manager}\n"
                                + "  new@acme.test: {role: intern}\n");
        var lines = yaml.lines().toList();

        var e = assertThrows(PolicyFiles.InvalidPolicyException.class, () -> policies.replace(ADMIN, yaml));

        var byLine = e.errors().stream().map(p -> p.line() + " " + p.message()).toList();
        assertEquals(3, e.errors().size(), byLine.toString());
        assertEquals(lineOf(lines, "smalltalk, weather]"), e.errors().get(0).line(), byLine.toString());
        assertTrue(e.errors().get(0).message().contains("unknown topic 'weather'"));
        assertEquals(
                lineOf(lines, "jae@acme.test: {role: sales_manager}"),
                e.errors().get(1).line());
        assertTrue(e.errors().get(1).message().contains("twice"));
        assertEquals(lineOf(lines, "new@acme.test"), e.errors().get(2).line());
        assertTrue(e.errors().get(2).message().contains("unknown role 'intern'"));
        assertEquals(before, policies.export(ADMIN));
    }

    @Test
    void bad_yaml_reports_its_line() {
        var e = assertThrows(
                PolicyFiles.InvalidPolicyException.class,
                () -> policies.replace(ADMIN, "org: acme\ntopics:\n  a: [\n"));
        assertEquals(1, e.errors().size());
        assertTrue(e.errors().get(0).line() >= 3, e.errors().toString());
    }

    @Test
    void only_admins_and_only_their_own_organisation() {
        assertEquals(
                DomainException.Kind.FORBIDDEN,
                assertThrows(DomainException.class, () -> policies.export(JAE)).kind());
        String acme = policies.export(ADMIN);
        assertThrows(DomainException.class, () -> policies.replace(JAE, acme));
        var e = assertThrows(PolicyFiles.InvalidPolicyException.class, () -> policies.replace(GLOBEX_ADMIN, acme));
        assertTrue(e.errors().get(0).message().startsWith("org:"));
        assertTrue(policies.export(GLOBEX_ADMIN).startsWith("org: globex\n"));
    }

    @Test
    void a_failed_database_write_undoes_the_remote_tuples() {
        var failing = new FailingWrites(db.policyAdmin());
        var connected = new PolicyAsCode(failing.admin, failing.remote, audit);
        String yaml = policies.export(ADMIN)
                .replace("    deny: [pricing, roadmap, legal, personnel]\n", "    deny: [pricing, legal, personnel]\n");

        assertThrows(IllegalStateException.class, () -> connected.replace(ADMIN, yaml));

        assertEquals(List.of("apply +0 -1", "apply +1 -0"), failing.remoteCalls);
        assertEquals(2, audited.size(), "the change, audited first, and its undoing");
        assertEquals("import", audited.get(0).detail().get("operation"));
        assertEquals("undo", audited.get(1).detail().get("operation"));
        assertEquals(
                audited.get(0).detail().get("changed"), audited.get(1).detail().get("changed"));
        assertTrue(String.valueOf(audited.get(1).detail().get("undoes")).startsWith("ev_"));
    }

    @Test
    void an_import_is_audited_before_anything_changes_and_not_at_all_when_the_audit_is_down() {
        var remote = new RemoteTuples() {
            @Override
            public Applied apply(List<Tuple> writes, List<Tuple> deletes) {
                remoteCalls.add("apply audited=" + audited.size());
                return new Applied(1, writes.size() + deletes.size());
            }
        };
        var connected = new PolicyAsCode(db.policyAdmin(), remote, audit);
        String before = policies.export(ADMIN);
        String yaml = before.replace(
                "    deny: [pricing, roadmap, legal, personnel]\n", "    deny: [pricing, legal, personnel]\n");
        auditDown = true;

        var e = assertThrows(DependencyUnavailableException.class, () -> connected.replace(ADMIN, yaml));

        assertEquals("audit", e.dependency());
        assertTrue(remoteCalls.isEmpty(), "no tuple written to the FGA server");
        assertEquals(before, policies.export(ADMIN), "the database is unchanged");

        auditDown = false;
        connected.replace(ADMIN, yaml);
        assertEquals(List.of("apply audited=1"), remoteCalls, "the server is written after the event is durable");
        assertEquals(yaml, policies.export(ADMIN));
    }

    private static List<Boolean> ask(RelationshipCheck check, String topic) {
        return check.check(List.of(new RelationshipQuery(
                "user:jae@acme.test", RelationshipCheck.CAN_AUTO_RESPOND, "topic:acme/" + topic)));
    }

    private static int lineOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + text);
    }
}
