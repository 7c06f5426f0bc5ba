package app.proxyme.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.in.ManagePolicy;
import app.proxyme.domain.port.in.ManagePolicy.MemberEntry;
import app.proxyme.domain.port.in.ManagePolicy.RoleEntry;
import app.proxyme.domain.port.in.ManagePolicy.RuleEntry;
import app.proxyme.domain.port.in.ManagePolicy.SettingsUpdate;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.RelationshipCheck;
import app.proxyme.domain.port.out.RelationshipQuery;
import app.proxyme.engine.adapter.fga.EmbeddedRelationshipCheck;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.fga.RemoteTuples;
import app.proxyme.engine.testsupport.FailingWrites;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The granular policy changes of {@link ManagePolicy} over the embedded database: each takes the import's path
 * (validated whole, stored with its tuples, audited), only the organisation's admin may make them, and a refused
 * or invalid change leaves the stored policy as it was.
 */
class ManagePolicyTest {
    private static final Member ADMIN = new Member("admin@acme.test", "acme", "org_admin", "Ada");
    private static final Member JAE = new Member("jae@acme.test", "acme", "junior_ae", "Jo");
    private static final Member AUDITOR = new Member("audit@acme.test", "acme", "compliance_reviewer", "Casey");

    @TempDir
    Path dir;

    private Database db;
    private ManagePolicy policy;
    private final List<AuditEntry> audited = new ArrayList<>();
    private AuditLog audit;
    private String original;

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir), "sa", "");
        new PolicySeeder(db.policyAdmin()).seed();
        var log = db.auditLog(Clock.systemUTC());
        audit = new AuditLog() {
            @Override
            public List<AuditRecord> append(List<AuditEntry> entries) {
                audited.addAll(entries);
                return log.append(entries);
            }

            @Override
            public List<AuditRecord> meeting(String org, String meetingId) {
                return log.meeting(org, meetingId);
            }
        };
        policy = new PolicyAsCode(db.policyAdmin(), RemoteTuples.NONE, audit);
        original = policy.export(ADMIN);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void put_role_adds_a_role_with_its_tuples_and_is_audited() {
        var change = policy.putRole(
                ADMIN,
                new RoleEntry(
                        "partner_manager", List.of("product", "scheduling"), List.of("pricing"), List.of("legal")));

        assertEquals(new ManagePolicy.PolicyChange("acme", List.of("roles.partner_manager"), 6, 0), change);
        assertTrue(
                policy.export(ADMIN)
                        .contains("  partner_manager:\n    auto: [product, scheduling]\n"
                                + "    approve: [pricing]\n    deny: [legal]\n"),
                policy.export(ADMIN));
        assertEquals(1, audited.size());
        assertEquals("put_role", audited.get(0).detail().get("operation"));
        assertEquals(List.of("roles.partner_manager"), audited.get(0).detail().get("changed"));
        assertEquals("admin@acme.test", audited.get(0).actor());
    }

    @Test
    void put_role_replaces_a_roles_topics_and_the_relationship_check_follows() {
        var check = new EmbeddedRelationshipCheck(db.tupleStore());
        assertEquals(List.of(false), canAutoRespond(check, "jae@acme.test", "security"));

        var change = policy.putRole(
                ADMIN,
                new RoleEntry(
                        "junior_ae",
                        List.of("product", "scheduling", "smalltalk", "security"),
                        List.of("competitors", "commitment"),
                        List.of("pricing", "legal", "roadmap", "personnel")));

        assertEquals(List.of("roles.junior_ae"), change.changed());
        assertEquals(1, change.tuplesWritten());
        assertEquals(1, change.tuplesDeleted());
        assertEquals(List.of(true), canAutoRespond(check, "jae@acme.test", "security"));
    }

    @Test
    void removing_a_role_that_members_hold_is_refused_naming_them() {
        var e = refused(DomainException.Kind.CONFLICT, () -> policy.removeRole(ADMIN, "junior_ae"));

        assertEquals("role junior_ae is still used by members jae@acme.test", e.getMessage());
    }

    @Test
    void removing_an_unused_role_removes_it_and_its_default_grants() {
        // the demo policy defines the ACI permissions and grants of its roles: an intern gets a default grant too
        policy.replace(
                ADMIN,
                original.replace("  compliance_reviewer: {}\n", "  compliance_reviewer: {}\n  intern: {}\n")
                        .replace("\ngrants:\n", "\ngrants:\n  intern: [\"read:transcripts\"]\n"));
        audited.clear();

        var change = policy.removeRole(ADMIN, "intern");

        // role#organization, organization#member and the grant's permission#default_grantor
        assertEquals(new ManagePolicy.PolicyChange("acme", List.of("roles.intern", "grants.intern"), 0, 3), change);
        assertEquals(original, policy.export(ADMIN));
        assertEquals("remove_role", audited.get(0).detail().get("operation"));
    }

    @Test
    void removing_an_unknown_entry_is_not_found() {
        refused(DomainException.Kind.NOT_FOUND, () -> policy.removeRole(ADMIN, "intern"));
        refused(DomainException.Kind.NOT_FOUND, () -> policy.removeMember(ADMIN, "nobody@acme.test"));
        refused(DomainException.Kind.NOT_FOUND, () -> policy.removeTopic(ADMIN, "weather"));
        refused(DomainException.Kind.NOT_FOUND, () -> policy.removeRule(ADMIN, "no-weather"));
        refused(DomainException.Kind.NOT_FOUND, () -> policy.enableRule(ADMIN, "no-weather", false));
    }

    @Test
    void put_member_adds_a_member_who_can_then_sign_in_with_the_default_subject() {
        var change = policy.putMember(ADMIN, new MemberEntry("New@Acme.test", "junior_ae", "Nia New", null));

        assertEquals(List.of("members.new@acme.test"), change.changed());
        assertEquals(
                "junior_ae",
                db.policyStore().member("new@acme.test").orElseThrow().role());
        assertTrue(policy.export(ADMIN).contains("  new@acme.test: {role: junior_ae, name: \"Nia New\"}\n"));
        assertEquals(
                "auth0|new@acme.test",
                db.policyStore().subjectOf("New@Acme.test").orElseThrow());
        assertEquals(
                List.of(true),
                canAutoRespond(new EmbeddedRelationshipCheck(db.tupleStore()), "new@acme.test", "product"));
    }

    @Test
    void put_member_changes_role_name_and_subject() {
        policy.putMember(ADMIN, new MemberEntry("jae@acme.test", "account_executive", "Jo Promoted", "auth0|jo-1"));

        assertEquals(
                "account_executive",
                db.policyStore().member("jae@acme.test").orElseThrow().role());
        assertTrue(
                policy.export(ADMIN)
                        .contains(
                                "  jae@acme.test: {role: account_executive, name: \"Jo Promoted\", subject: \"auth0|jo-1\"}\n"));
        assertEquals(
                "auth0|jo-1",
                db.policyStore().subjectOf("jae@acme.test").orElseThrow(),
                "an approval push is addressed to the subject the policy names");
    }

    @Test
    void put_member_with_an_unknown_role_is_a_bad_request_and_changes_nothing() {
        var e = refused(
                DomainException.Kind.BAD_REQUEST,
                () -> policy.putMember(ADMIN, new MemberEntry("new@acme.test", "intern", null, null)));

        assertEquals("members.new@acme.test: unknown role 'intern'", e.getMessage());
    }

    @Test
    void removing_a_member_a_rule_names_is_refused_naming_the_rule_and_an_unnamed_one_is_removed() {
        policy.putRule(
                ADMIN,
                new RuleEntry(
                        "jo-asks-first",
                        "Jo asks before talking security.",
                        RuleScope.USER,
                        "jae@acme.test",
                        true,
                        Effect.APPROVE,
                        List.of("security"),
                        List.of(),
                        List.of()));

        var e = refused(DomainException.Kind.CONFLICT, () -> policy.removeMember(ADMIN, "jae@acme.test"));
        var change = policy.removeMember(ADMIN, "se@acme.test");

        assertEquals("member jae@acme.test is still used by rules jo-asks-first", e.getMessage());
        assertEquals(List.of("members.se@acme.test"), change.changed());
        assertTrue(db.policyStore().member("se@acme.test").isEmpty());
        assertFalse(policy.export(ADMIN).contains("se@acme.test"));
    }

    @Test
    void put_topic_adds_to_the_catalogue_or_replaces_in_place() {
        policy.putTopic(ADMIN, new Topic("weather", "Rain and sunshine", List.of("Is it raining there?"), List.of()));
        policy.putTopic(ADMIN, new Topic("product", "What the product does", List.of("Does it sync?"), List.of()));

        var topics = db.policyStore().policy("acme").catalog().topics();
        assertEquals("weather", topics.get(topics.size() - 1).id());
        assertEquals("product", topics.get(0).id());
        assertEquals("What the product does", topics.get(0).description());
        assertEquals(List.of(), topics.get(0).playbook());
    }

    @Test
    void removing_a_topic_that_roles_or_rules_use_is_refused_naming_them() {
        var e = refused(DomainException.Kind.CONFLICT, () -> policy.removeTopic(ADMIN, "personnel"));

        assertEquals(
                "topic personnel is still used by roles sales_engineer, junior_ae, account_executive, "
                        + "sales_manager; rules no-personnel",
                e.getMessage());
    }

    @Test
    void removing_an_unused_topic_removes_it() {
        policy.putTopic(ADMIN, new Topic("weather", "Rain and sunshine", List.of(), List.of()));

        var change = policy.removeTopic(ADMIN, "weather");

        assertEquals(List.of("topics.weather"), change.changed());
        assertEquals(original, policy.export(ADMIN));
    }

    @Test
    void put_rule_adds_a_rule_with_its_compiled_form_and_the_decision_reads_it() {
        var change = policy.putRule(
                ADMIN,
                new RuleEntry(
                        "no-initrode",
                        "Never mention Initrode.",
                        RuleScope.ROLE,
                        "junior_ae",
                        true,
                        Effect.DENY,
                        List.of(),
                        List.of("\\binitrode\\b"),
                        List.of("Initrode")));

        assertEquals(List.of("rules.no-initrode"), change.changed());
        assertTrue(
                policy.export(ADMIN)
                        .contains("  - id: no-initrode\n    text: \"Never mention Initrode.\"\n"
                                + "    scope: role\n    subject: junior_ae\n    compiled:\n      effect: DENY\n      phrases:\n"
                                + "        - \"\\\\binitrode\\\\b\"\n      entities:\n        - \"Initrode\"\n"),
                policy.export(ADMIN));
        var rule = db.policyStore().policy("acme").rules().get(3);
        assertEquals("no-initrode", rule.id());
        assertTrue(rule.appliesTo(JAE));
        assertTrue(rule.matches("product", "how does Initrode do it"));
    }

    @Test
    void put_rule_replaces_a_rule_in_place_keeping_how_the_file_writes_it() {
        policy.putRule(
                ADMIN,
                new RuleEntry(
                        "no-personnel",
                        "Never discuss personnel or salaries.",
                        RuleScope.ORG,
                        null,
                        true,
                        Effect.DENY,
                        List.of("personnel"),
                        List.of("\\bsalar(y|ies)\\b"),
                        List.of()));

        String yaml = policy.export(ADMIN);
        assertTrue(
                yaml.contains("  - id: no-personnel\n    text: \"Never discuss personnel or salaries.\"\n"
                        + "    scope: org\n    compiled:\n      effect: DENY\n      topics: [personnel]\n"
                        + "      phrases:\n        - \"\\\\bsalar(y|ies)\\\\b\"\n  - id: ask-before-commitments\n"),
                yaml);
    }

    @Test
    void a_disabled_rule_stays_in_the_policy_without_effect_and_enabling_it_restores_the_file() {
        var disabled = policy.enableRule(ADMIN, "no-personnel", false);

        assertEquals(List.of("rules.no-personnel"), disabled.changed());
        assertTrue(policy.export(ADMIN)
                .contains("    scope: org\n    enabled: false\n    compiled:\n      effect: DENY\n"));
        assertEquals(
                List.of("ask-before-commitments", "no-customer-references"),
                db.policyStore().policy("acme").rules().stream()
                        .map(r -> r.id())
                        .toList());
        assertEquals("disable_rule", audited.get(0).detail().get("operation"));

        policy.enableRule(ADMIN, "no-personnel", true);

        assertEquals(original, policy.export(ADMIN));
        assertEquals(3, db.policyStore().policy("acme").rules().size());
    }

    @Test
    void remove_rule_removes_it() {
        var change = policy.removeRule(ADMIN, "no-customer-references");

        assertEquals(List.of("rules.no-customer-references"), change.changed());
        assertFalse(policy.export(ADMIN).contains("no-customer-references"));
        assertEquals(2, db.policyStore().policy("acme").rules().size());
    }

    @Test
    void update_settings_changes_what_it_gives_and_audits_each_old_and_new_value() {
        var change = policy.updateSettings(ADMIN, new SettingsUpdate(0.6, null, Duration.ofSeconds(90)));

        assertEquals(List.of("settings.minConfidence", "settings.approvalTimeoutSeconds"), change.changed());
        var settings = db.policyStore().policy("acme").settings();
        assertEquals(0.6, settings.minConfidence());
        assertEquals(Duration.ofSeconds(90), settings.approvalTimeout());
        assertEquals(app.proxyme.domain.policy.PolicySettings.DEFAULTS.ambiguityMargin(), settings.ambiguityMargin());
        var expected = new java.util.LinkedHashMap<String, Object>();
        expected.put("minConfidence", oldAndNew(null, 0.6));
        expected.put("approvalTimeoutSeconds", oldAndNew(null, 90));
        assertEquals(expected, audited.get(0).detail().get("settings"));

        policy.updateSettings(ADMIN, new SettingsUpdate(0.7, null, null));

        assertEquals(
                Map.of("minConfidence", oldAndNew(0.6, 0.7)),
                audited.get(1).detail().get("settings"));
        assertTrue(policy.export(ADMIN).endsWith("settings:\n  minConfidence: 0.7\n  approvalTimeoutSeconds: 90\n"));
    }

    @Test
    void preview_tells_what_a_file_would_change_and_changes_nothing() {
        String yaml = original.replace(
                "    approve: [security, commitment, competitors]\n"
                        + "    deny: [pricing, roadmap, legal, personnel]\n",
                "    approve: [security, commitment]\n"
                        + "    deny: [pricing, roadmap, legal, competitors, personnel]\n");

        var change = policy.preview(ADMIN, yaml);

        assertEquals(new ManagePolicy.PolicyChange("acme", List.of("roles.junior_ae"), 1, 1), change);
        assertTrue(audited.isEmpty());
        assertUnchanged();
        assertThrows(
                app.proxyme.domain.policy.InvalidPolicyException.class,
                () -> policy.preview(ADMIN, "org: acme\nroles: [\n"));
        assertThrows(DomainException.class, () -> policy.preview(AUDITOR, yaml));
    }

    @Test
    void replace_reports_what_the_file_changed() {
        String yaml = original.replace(
                "    approve: [security, commitment, competitors]\n"
                        + "    deny: [pricing, roadmap, legal, personnel]\n",
                "    approve: [security, commitment]\n"
                        + "    deny: [pricing, roadmap, legal, competitors, personnel]\n");
        assertFalse(yaml.equals(original));

        var change = policy.replace(ADMIN, yaml);

        assertEquals(new ManagePolicy.PolicyChange("acme", List.of("roles.junior_ae"), 1, 1), change);
        assertEquals("import", audited.get(0).detail().get("operation"));
    }

    @Test
    void a_changed_role_is_audited_with_its_old_and_new_lists() {
        RoleEntry before = policy.overview(ADMIN).roles().stream()
                .filter(r -> r.name().equals("junior_ae"))
                .findFirst()
                .orElseThrow();
        var auto = new ArrayList<>(before.auto());
        auto.add("pricing");
        var deny = new ArrayList<>(before.deny());
        deny.remove("pricing");

        policy.putRole(ADMIN, new RoleEntry("junior_ae", auto, before.approve(), deny));

        @SuppressWarnings("unchecked")
        var values = (Map<String, Map<String, Map<String, List<String>>>>)
                audited.get(0).detail().get("values");
        assertTrue(values.get("roles.junior_ae").get("old").get("deny").contains("pricing"), values.toString());
        assertTrue(values.get("roles.junior_ae").get("new").get("auto").contains("pricing"), values.toString());
        assertEquals(
                Effect.AUTO,
                policy.overview(ADMIN)
                        .effect(
                                policy.overview(ADMIN).roles().stream()
                                        .filter(r -> r.name().equals("junior_ae"))
                                        .findFirst()
                                        .orElseThrow(),
                                "pricing"));
    }

    @Test
    void the_overview_shows_a_roles_conditions_and_an_edit_of_its_lists_keeps_them() {
        RoleEntry ae = policy.overview(ADMIN).roles().stream()
                .filter(r -> r.name().equals("account_executive"))
                .findFirst()
                .orElseThrow();
        assertEquals(java.util.Optional.of("deal_size < 50000"), ae.condition("pricing"));

        var deny = new ArrayList<>(ae.deny());
        deny.remove("roadmap");
        var approve = new ArrayList<>(ae.approve());
        approve.add("roadmap");
        policy.putRole(ADMIN, new RoleEntry(ae.name(), ae.auto(), approve, deny));

        RoleEntry after = policy.overview(ADMIN).roles().stream()
                .filter(r -> r.name().equals("account_executive"))
                .findFirst()
                .orElseThrow();
        assertEquals(java.util.Optional.of("deal_size < 50000"), after.condition("pricing"));
    }

    @Test
    void rename_role_moves_its_members_and_is_refused_onto_an_existing_name() {
        var change = policy.renameRole(ADMIN, "junior_ae", "associate_ae");

        var overview = policy.overview(ADMIN);
        assertTrue(overview.roles().stream().noneMatch(r -> r.name().equals("junior_ae")));
        assertEquals(
                "associate_ae",
                overview.members().stream()
                        .filter(m -> m.email().equals("jae@acme.test"))
                        .findFirst()
                        .orElseThrow()
                        .role());
        assertTrue(change.changed()
                .containsAll(List.of("roles.junior_ae", "roles.associate_ae", "members.jae@acme.test")));
        assertEquals("rename_role", audited.get(0).detail().get("operation"));

        var clash = assertThrows(DomainException.class, () -> policy.renameRole(ADMIN, "associate_ae", "org_admin"));
        assertEquals(DomainException.Kind.CONFLICT, clash.kind());
        assertThrows(IllegalArgumentException.class, () -> policy.renameRole(ADMIN, "associate_ae", "Bad Name"));
    }

    @Test
    void removing_a_role_in_use_is_refused_naming_its_members() {
        var refused = assertThrows(DomainException.class, () -> policy.removeRole(ADMIN, "junior_ae"));

        assertEquals(DomainException.Kind.CONFLICT, refused.kind());
        assertTrue(refused.getMessage().contains("jae@acme.test"), refused.getMessage());
        assertUnchanged();
    }

    @Test
    void only_the_organisations_admin_may_change_its_policy() {
        for (Member caller : List.of(JAE, AUDITOR)) {
            List<Executable> changes = List.of(
                    () -> policy.export(caller),
                    () -> policy.overview(caller),
                    () -> policy.renameRole(caller, "junior_ae", "associate_ae"),
                    () -> policy.replace(caller, original),
                    () -> policy.putRole(caller, new RoleEntry("junior_ae", List.of("pricing"), null, null)),
                    () -> policy.removeRole(caller, "compliance_reviewer"),
                    () -> policy.putMember(caller, new MemberEntry(caller.email(), "org_admin", null, null)),
                    () -> policy.removeMember(caller, "se@acme.test"),
                    () -> policy.putTopic(caller, new Topic("weather", "", List.of(), List.of())),
                    () -> policy.removeTopic(caller, "smalltalk"),
                    () -> policy.putRule(
                            caller,
                            new RuleEntry(
                                    "r",
                                    "t",
                                    RuleScope.ORG,
                                    null,
                                    true,
                                    Effect.AUTO,
                                    List.of("pricing"),
                                    List.of(),
                                    List.of())),
                    () -> policy.removeRule(caller, "no-personnel"),
                    () -> policy.enableRule(caller, "no-personnel", false),
                    () -> policy.updateSettings(caller, new SettingsUpdate(0.0, null, null)));
            for (Executable change : changes) {
                var e = assertThrows(DomainException.class, change);
                assertEquals(DomainException.Kind.FORBIDDEN, e.kind());
                assertEquals("only the organisation's admin may read or change its policy", e.getMessage());
            }
        }
        assertUnchanged();
    }

    @Test
    void an_invalid_change_is_a_bad_request_naming_the_problem_and_changes_nothing() {
        var check = new EmbeddedRelationshipCheck(db.tupleStore());

        var role = refused(
                DomainException.Kind.BAD_REQUEST,
                () -> policy.putRole(
                        ADMIN,
                        new RoleEntry("junior_ae", List.of("product", "weather"), List.of(), List.of("product"))));
        var rule = refused(
                DomainException.Kind.BAD_REQUEST,
                () -> policy.putRule(
                        ADMIN,
                        new RuleEntry(
                                "x",
                                "x",
                                RuleScope.USER,
                                "nobody@acme.test",
                                true,
                                Effect.DENY,
                                List.of("pricing"),
                                List.of("(oops"),
                                List.of())));
        var subject = refused(
                DomainException.Kind.BAD_REQUEST,
                () -> policy.putMember(
                        ADMIN, new MemberEntry("new@acme.test", "junior_ae", null, "auth0|jae@acme.test")));

        assertEquals(
                "roles.junior_ae.auto: unknown topic 'weather'; roles.junior_ae: topic 'product' is in both "
                        + "auto and deny",
                role.getMessage());
        assertTrue(
                rule.getMessage()
                        .startsWith("rules.x: unknown member 'nobody@acme.test'; rules.x.compiled: phrase "
                                + "'(oops' is not a regular expression"),
                rule.getMessage());
        assertEquals(
                "members.new@acme.test.subject: 'auth0|jae@acme.test' is also the subject of jae@acme.test",
                subject.getMessage());
        assertEquals(List.of(true), canAutoRespond(check, "jae@acme.test", "product"));
    }

    @Test
    void a_change_that_leaves_no_admin_is_refused() {
        var removed = refused(DomainException.Kind.CONFLICT, () -> policy.removeMember(ADMIN, "admin@acme.test"));
        refused(
                DomainException.Kind.CONFLICT,
                () -> policy.putMember(ADMIN, new MemberEntry("admin@acme.test", "sales_manager", "Ada", null)));

        assertEquals("refused: no member would be left with role org_admin", removed.getMessage());
    }

    @Test
    void a_failed_database_write_undoes_the_remote_tuples_of_a_granular_change() {
        var failing = new FailingWrites(db.policyAdmin());
        ManagePolicy connected = new PolicyAsCode(failing.admin, failing.remote, audit);

        assertThrows(
                IllegalStateException.class,
                () -> connected.putRole(ADMIN, new RoleEntry("junior_ae", List.of("product"), List.of(), List.of())));

        assertEquals(List.of("apply +0 -9", "apply +9 -0"), failing.remoteCalls);
        assertEquals(original, policy.export(ADMIN));
        assertEquals(
                List.of("put_role", "undo"),
                audited.stream().map(e -> e.detail().get("operation")).toList(),
                "audited first, then undone in the trail too");
    }

    /** The change is refused with {@code kind}; nothing was stored or audited. */
    private DomainException refused(DomainException.Kind kind, Executable change) {
        String before = policy.export(ADMIN);
        int events = audited.size();
        var e = assertThrows(DomainException.class, change);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(before, policy.export(ADMIN));
        assertEquals(events, audited.size());
        return e;
    }

    private void assertUnchanged() {
        assertEquals(original, policy.export(ADMIN));
        assertTrue(audited.isEmpty(), audited.toString());
    }

    private static Map<String, Object> oldAndNew(Object before, Object after) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("old", before);
        m.put("new", after);
        return m;
    }

    private static List<Boolean> canAutoRespond(RelationshipCheck check, String user, String topic) {
        return check.check(List.of(
                new RelationshipQuery("user:" + user, RelationshipCheck.CAN_AUTO_RESPOND, "topic:acme/" + topic)));
    }
}
