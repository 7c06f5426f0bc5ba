package app.proxyme.engine.aci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.aci.AciError;
import app.proxyme.domain.aci.ConsentDecision;
import app.proxyme.domain.aci.ConsentStatus;
import app.proxyme.domain.aci.Delivery;
import app.proxyme.domain.aci.EnvelopeContent;
import app.proxyme.domain.aci.HandoffRefused;
import app.proxyme.domain.aci.HandoffStatus;
import app.proxyme.domain.aci.HopCheck;
import app.proxyme.domain.aci.HopResult;
import app.proxyme.domain.aci.StartChain;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.engine.aci.client.SigningAgent;
import app.proxyme.engine.testsupport.AciWorld;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every check and error code of ACI.md through the gateway, with the real local adapters for JSON/JCS, signatures,
 * FGA and PII, and test-written agents that sign their own envelopes.
 */
@SuppressWarnings("unchecked")
class HandoffGatewayTest {
    private final AciWorld world = new AciWorld();
    private final SigningAgent automotive =
            world.external("automotive", "automotive", Set.of("agent:automotive", "read:profile", "read:pii"));
    private final SigningAgent finance = world.external(
            "finance-advisor", "finance", Set.of("agent:finance", "read:investment_goals", "read:account_balances"));
    private final SigningAgent reasoner = world.external("reasoner", "reasoner", Set.of("agent:reasoner"));

    private HopResult start(String to, List<String> permissions, String primary, List<String> redlines) {
        return world.gateway.start(new StartChain(
                AciWorld.ORG,
                AciWorld.USER,
                to,
                permissions,
                "Compare the car with an index fund",
                new EnvelopeContent(primary, "User owns a Tesla Model 3", 0.9),
                Map.of("tone", "casual-technical", "expertise", "intermediate", "density", 0.65),
                redlines,
                3,
                "mt-1"));
    }

    /** Hop 1 to automotive (granted), delivered; returns the envelope automotive's inbox gives. */
    private Map<String, Object> atAutomotive(String primary, List<String> redlines) {
        world.control.grant(AciWorld.ORG, AciWorld.USER, "automotive", List.of("agent:automotive", "read:profile"));
        assertEquals(
                HandoffStatus.DELIVERED,
                start("automotive", List.of("agent:automotive", "read:profile"), primary, redlines)
                        .status());
        return received("automotive");
    }

    private Map<String, Object> received(String agent) {
        List<Delivery> items = world.gateway.inbox("token-" + agent, 10);
        assertEquals(1, items.size(), "one item in " + agent + "'s inbox");
        return SigningAgent.parse(
                world.ports.format().write(items.get(0).envelope().toMap()));
    }

    private HandoffRefused refused(Supplier<?> hop) {
        return assertThrows(HandoffRefused.class, hop::get);
    }

    private String toFinance(Map<String, Object> received, List<String> permissions) {
        return automotive.signed(automotive.next(
                received, "finance-advisor", permissions, "EVs hit max torque from 0 rpm", world.clock.instant()));
    }

    @Test
    void a_granted_hop_is_delivered_once_with_a_new_token_ref_after_all_eleven_checks_are_audited() {
        world.control.grant(AciWorld.ORG, AciWorld.USER, "automotive", List.of("agent:automotive"));

        HopResult hop = start("automotive", List.of("agent:automotive"), "Which EV fits me?", List.of());

        assertEquals(HandoffStatus.DELIVERED, hop.status());
        List<Delivery> first = world.gateway.inbox("token-automotive", 10);
        assertEquals(1, first.size());
        String ref = first.get(0).envelope().auth().tokenRef();
        assertEquals("automotive", world.tokens.find(ref).orElseThrow().agent());
        assertEquals(
                List.of("agent:automotive"),
                world.tokens.find(ref).orElseThrow().permissions());
        assertTrue(world.gateway.inbox("token-automotive", 10).isEmpty(), "each item is delivered once");
        AuditRecord event = world.audit.ofType(AuditType.HANDOFF).getLast();
        assertEquals("DELIVERED", event.entry().outcome());
        assertEquals("mt-1", event.entry().meeting());
        List<?> checks = (List<?>) event.entry().detail().get("checks");
        assertEquals(HopCheck.values().length, checks.size());
        assertEquals("schema", ((Map<?, ?>) checks.get(0)).get("check"));
        assertEquals("anomaly", ((Map<?, ?>) checks.get(10)).get("check"));
    }

    @Test
    void a_second_hop_uses_the_receivers_token_ref_and_extends_the_chain() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());
        world.control.grant(AciWorld.ORG, AciWorld.USER, "finance-advisor", List.of("agent:finance"));

        HopResult hop = world.gateway.submit("token-automotive", toFinance(received, List.of("agent:finance")));

        assertEquals(HandoffStatus.DELIVERED, hop.status());
        Map<String, Object> atFinance = received("finance-advisor");
        assertEquals(List.of("proxyme", "automotive"), ((Map<?, ?>) atFinance.get("auth")).get("chain"));
        assertEquals(
                Map.of("tone", "casual-technical", "expertise", "intermediate", "density", 0.65),
                atFinance.get("resonance"));
    }

    @Test
    void schema_refuses_what_is_not_a_v1_envelope_naming_the_field() {
        assertEquals(
                "envelope",
                refused(() -> world.gateway.submit("token-automotive", "{not json"))
                        .fields()
                        .get("field"));
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());
        var env = automotive.next(received, "finance-advisor", List.of("agent:finance"), "x", world.clock.instant());
        ((Map<String, Object>) env.get("content")).remove("primary");
        HandoffRefused e = refused(() -> world.gateway.submit("token-automotive", automotive.signed(env)));
        assertEquals(AciError.INVALID_ENVELOPE, e.error());
        assertEquals("content.primary", e.fields().get("field"));
        var tooLong =
                automotive.next(received, "finance-advisor", List.of(), "x".repeat(16_001), world.clock.instant());
        assertEquals(
                "content.primary",
                refused(() -> world.gateway.submit("token-automotive", automotive.signed(tooLong)))
                        .fields()
                        .get("field"));
        var deep = automotive.next(received, "finance-advisor", List.of(), "x", world.clock.instant());
        ((Map<String, Object>) deep.get("auth")).put("maxDepth", 4);
        assertEquals(
                "auth.maxDepth",
                refused(() -> world.gateway.submit("token-automotive", automotive.signed(deep)))
                        .fields()
                        .get("field"));
    }

    @Test
    void agent_refuses_a_token_that_is_not_from_s_or_of_a_disabled_agent() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());
        String body = toFinance(received, List.of("agent:finance"));

        assertEquals(
                AciError.INVALID_AGENT_TOKEN,
                refused(() -> world.gateway.submit("nonsense", body)).error());
        assertEquals(
                AciError.INVALID_AGENT_TOKEN,
                refused(() -> world.gateway.submit("token-reasoner", body)).error());
        world.directory.disable(AciWorld.ORG, "automotive");
        assertEquals(
                AciError.INVALID_AGENT_TOKEN,
                refused(() -> world.gateway.submit("token-automotive", body)).error());
    }

    @Test
    void signature_refuses_a_forgery_and_a_tampered_envelope() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());
        var env = automotive.next(received, "finance-advisor", List.of("agent:finance"), "EVs", world.clock.instant());

        assertEquals(
                AciError.INVALID_SIGNATURE,
                refused(() -> world.gateway.submit("token-automotive", automotive.forged(env)))
                        .error());
        String tampered = automotive.signed(env).replace("\"EVs\"", "\"EVs are cheap\"");
        assertEquals(
                AciError.INVALID_SIGNATURE,
                refused(() -> world.gateway.submit("token-automotive", tampered))
                        .error());
        assertEquals(
                "REFUSED",
                world.audit.ofType(AuditType.HANDOFF).getLast().entry().outcome());
    }

    @Test
    void replay_refuses_a_seen_id_and_a_stale_timestamp() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());
        world.control.grant(AciWorld.ORG, AciWorld.USER, "finance-advisor", List.of("agent:finance"));
        String body = toFinance(received, List.of("agent:finance"));
        world.gateway.submit("token-automotive", body);

        assertEquals(
                AciError.REPLAY,
                refused(() -> world.gateway.submit("token-automotive", body)).error());
        var stale = automotive.next(
                received,
                "finance-advisor",
                List.of("agent:finance"),
                "x",
                world.clock.instant().minusSeconds(121));
        assertEquals(
                AciError.REPLAY,
                refused(() -> world.gateway.submit("token-automotive", automotive.signed(stale)))
                        .error());
    }

    @Test
    void token_refuses_an_unknown_foreign_or_expired_reference() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());
        var unknown = automotive.next(received, "finance-advisor", List.of(), "x", world.clock.instant());
        ((Map<String, Object>) unknown.get("auth")).put("tokenRef", "tr_000000000000000000000000");
        assertEquals(
                AciError.INVALID_TOKEN_REF,
                refused(() -> world.gateway.submit("token-automotive", automotive.signed(unknown)))
                        .error());

        // finance cannot use automotive's reference
        world.control.grant(AciWorld.ORG, AciWorld.USER, "reasoner", List.of("agent:reasoner"));
        var stolen = finance.next(received, "reasoner", List.of(), "x", world.clock.instant());
        assertEquals(
                AciError.INVALID_TOKEN_REF,
                refused(() -> world.gateway.submit("token-finance-advisor", finance.signed(stolen)))
                        .error());

        world.clock.advance(Duration.ofMinutes(11));
        var late = automotive.next(received, "finance-advisor", List.of(), "x", world.clock.instant());
        assertEquals(
                AciError.INVALID_TOKEN_REF,
                refused(() -> world.gateway.submit("token-automotive", automotive.signed(late)))
                        .error());
    }

    @Test
    void revocation_of_the_chain_or_the_kill_switch_ends_the_next_hop_and_withdraws_untaken_work() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());
        world.control.grant(AciWorld.ORG, AciWorld.USER, "finance-advisor", List.of("agent:finance"));

        world.control.revoke(AciWorld.ORG, AciWorld.USER, "finance-advisor");
        assertEquals(
                AciError.REVOKED,
                refused(() -> world.gateway.submit("token-automotive", toFinance(received, List.of("agent:finance"))))
                        .error());

        String chainId = (String) received.get("chainId");
        world.control.revokeChain(AciWorld.ORG, AciWorld.USER, chainId);
        // the token check answers revoked for a reference a revocation ended
        assertEquals(
                AciError.REVOKED,
                refused(() -> world.gateway.submit("token-automotive", toFinance(received, List.of("agent:finance"))))
                        .error());
        assertTrue(world.audit.ofType(AuditType.REVOCATION).size() >= 2);
    }

    @Test
    void revoking_a_chain_withdraws_a_delivered_but_untaken_item() {
        world.control.grant(AciWorld.ORG, AciWorld.USER, "automotive", List.of("agent:automotive"));
        HopResult hop = start("automotive", List.of("agent:automotive"), "Which EV fits me?", List.of());

        world.control.revokeChain(AciWorld.ORG, AciWorld.USER, hop.chainId());

        assertTrue(world.gateway.inbox("token-automotive", 10).isEmpty());
    }

    @Test
    void chain_refuses_an_unknown_receiver_a_loop_and_a_chain_too_deep() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());
        var nobody = automotive.next(received, "nobody", List.of(), "x", world.clock.instant());
        HandoffRefused unknown = refused(() -> world.gateway.submit("token-automotive", automotive.signed(nobody)));
        assertEquals(AciError.INVALID_ENVELOPE, unknown.error());
        assertEquals("auth.to", unknown.fields().get("field"));

        var loop = automotive.next(received, "proxyme", List.of(), "x", world.clock.instant());
        assertEquals(
                AciError.LOOP_DETECTED,
                refused(() -> world.gateway.submit("token-automotive", automotive.signed(loop)))
                        .error());

        var shallow = automotive.next(received, "finance-advisor", List.of(), "x", world.clock.instant());
        ((Map<String, Object>) shallow.get("auth")).put("maxDepth", 1);
        assertEquals(
                AciError.CHAIN_TOO_DEEP,
                refused(() -> world.gateway.submit("token-automotive", automotive.signed(shallow)))
                        .error());
    }

    @Test
    void permissions_beyond_the_ceiling_are_an_escalation_flagged_as_an_anomaly() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());

        HandoffRefused e = refused(() ->
                world.gateway.submit("token-automotive", toFinance(received, List.of("agent:finance", "read:pii"))));

        assertEquals(AciError.ESCALATION, e.error());
        assertEquals(List.of("read:pii"), e.fields().get("missing"));
        assertEquals(
                List.of("escalation"),
                world.audit.ofType(AuditType.HANDOFF).getLast().entry().detail().get("anomalies"));
    }

    @Test
    void consent_allow_keeps_the_grant_and_delivers_after_the_remaining_checks() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());

        HopResult waiting = world.gateway.submit(
                "token-automotive", toFinance(received, List.of("agent:finance", "read:investment_goals")));

        assertEquals(HandoffStatus.PENDING_CONSENT, waiting.status());
        assertEquals(List.of("agent:finance", "read:investment_goals"), waiting.missing());
        assertTrue(world.gateway.inbox("token-finance-advisor", 10).isEmpty(), "nothing before consent");
        var result = world.gateway.decide(AciWorld.ORG, AciWorld.USER, waiting.consentId(), ConsentDecision.ALLOW);
        assertEquals(ConsentStatus.ALLOWED, result.status());
        assertEquals(HandoffStatus.DELIVERED, result.handoffStatus());
        received("finance-advisor");
        // the grant was kept: the next such hop needs no consent
        assertEquals(
                HandoffStatus.DELIVERED,
                world.gateway
                        .submit("token-automotive", toFinance(received, List.of("read:investment_goals")))
                        .status());
        assertEquals(1, world.audit.ofType(AuditType.CONSENT).size());
        assertThrows(
                DomainException.class,
                () -> world.gateway.decide(AciWorld.ORG, AciWorld.USER, waiting.consentId(), ConsentDecision.DENY));
    }

    @Test
    void consent_allow_once_lets_this_hop_only() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());
        HopResult waiting = world.gateway.submit("token-automotive", toFinance(received, List.of("agent:finance")));

        world.gateway.decide(AciWorld.ORG, AciWorld.USER, waiting.consentId(), ConsentDecision.ALLOW_ONCE);

        assertEquals(
                HandoffStatus.PENDING_CONSENT,
                world.gateway
                        .submit("token-automotive", toFinance(received, List.of("agent:finance")))
                        .status());
    }

    @Test
    void consent_deny_refuses_the_hop_and_asking_again_in_the_chain_is_refused_at_once() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());
        HopResult waiting = world.gateway.submit("token-automotive", toFinance(received, List.of("agent:finance")));

        var result = world.gateway.decide(AciWorld.ORG, AciWorld.USER, waiting.consentId(), ConsentDecision.DENY);

        assertEquals(HandoffStatus.REFUSED, result.handoffStatus());
        assertEquals(
                HandoffStatus.REFUSED,
                world.handoffs.hop(waiting.handoffId()).orElseThrow().status());
        assertEquals(
                List.of("asked " + waiting.consentId() + " PENDING", "settled " + waiting.consentId() + " DENIED"),
                world.told);
        HandoffRefused again =
                refused(() -> world.gateway.submit("token-automotive", toFinance(received, List.of("agent:finance"))));
        assertEquals(AciError.INSUFFICIENT_PERMISSIONS, again.error());
        assertEquals(List.of("agent:finance"), again.fields().get("missing"));
        assertEquals(List.of("agent:finance"), again.fields().get("required"));
    }

    @Test
    void a_consent_of_someone_else_is_not_found_and_an_unanswered_one_expires() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());
        HopResult waiting = world.gateway.submit("token-automotive", toFinance(received, List.of("agent:finance")));

        assertThrows(
                DomainException.class,
                () -> world.gateway.decide(AciWorld.ORG, "jae@acme.test", waiting.consentId(), ConsentDecision.ALLOW));
        world.clock.advance(Duration.ofSeconds(121));
        assertEquals(1, world.gateway.expireConsents());
        assertEquals(
                HandoffStatus.EXPIRED,
                world.handoffs.hop(waiting.handoffId()).orElseThrow().status());
        assertEquals(
                List.of("asked " + waiting.consentId() + " PENDING", "settled " + waiting.consentId() + " EXPIRED"),
                world.told);
    }

    @Test
    void redline_refuses_content_about_a_forbidden_topic_and_red_lines_cannot_be_dropped() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of("no-pricing"));
        world.control.grant(AciWorld.ORG, AciWorld.USER, "finance-advisor", List.of("agent:finance"));
        var pricey = automotive.next(
                received,
                "finance-advisor",
                List.of("agent:finance"),
                "Great torque. We can give a 30% discount on the price.",
                world.clock.instant());

        HandoffRefused e = refused(() -> world.gateway.submit("token-automotive", automotive.signed(pricey)));

        assertEquals(AciError.REDLINE, e.error());
        assertEquals("no-pricing", e.fields().get("redline"));
        var dropped =
                automotive.next(received, "finance-advisor", List.of("agent:finance"), "EVs", world.clock.instant());
        ((Map<String, Object>) dropped.get("safety")).put("redlines", List.of());
        assertEquals(
                "safety.redlines",
                refused(() -> world.gateway.submit("token-automotive", automotive.signed(dropped)))
                        .fields()
                        .get("field"));
    }

    @Test
    void a_classifier_that_cannot_answer_refuses_the_hop() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of("no-pricing"));
        world.control.grant(AciWorld.ORG, AciWorld.USER, "finance-advisor", List.of("agent:finance"));
        world.classifierDown = true;

        assertEquals(
                AciError.UNAVAILABLE,
                refused(() -> world.gateway.submit("token-automotive", toFinance(received, List.of("agent:finance"))))
                        .error());
        assertTrue(world.gateway.inbox("token-finance-advisor", 10).isEmpty());
    }

    @Test
    void pii_is_redacted_for_a_receiver_without_read_pii_and_kept_for_one_with_it() {
        world.control.grant(AciWorld.ORG, AciWorld.USER, "automotive", List.of("agent:automotive", "read:pii"));
        String text = "Mail ana@example.com or call +1 650-253-0000 about card 4111 1111 1111 1111";

        start("automotive", List.of("agent:automotive", "read:pii"), text, List.of());
        Map<String, Object> atAutomotive = received("automotive");
        assertEquals(text, ((Map<?, ?>) atAutomotive.get("content")).get("primary"));

        world.control.grant(AciWorld.ORG, AciWorld.USER, "finance-advisor", List.of("agent:finance"));
        world.gateway.submit(
                "token-automotive",
                automotive.signed(automotive.next(
                        atAutomotive, "finance-advisor", List.of("agent:finance"), text, world.clock.instant())));
        Map<String, Object> atFinance = received("finance-advisor");
        String redacted = (String) ((Map<?, ?>) atFinance.get("content")).get("primary");
        assertEquals("Mail [EMAIL] or call [PHONE] about card [CARD]", redacted);
        assertEquals(3, ((List<?>) ((Map<?, ?>) atFinance.get("safety")).get("pii")).size());
        Map<?, ?> counts = (Map<?, ?>)
                world.audit.ofType(AuditType.HANDOFF).getLast().entry().detail().get("pii");
        assertEquals(Map.of("CARD", 1, "EMAIL", 1, "PHONE", 1), counts);
        assertFalse(world.audit.records.toString().contains("ana@example.com"), "no PII value in the audit");
    }

    @Test
    void a_permission_outside_the_receivers_domain_is_flagged_not_blocked() {
        world.control.grant(AciWorld.ORG, AciWorld.USER, "automotive", List.of("agent:automotive"));
        world.agents.find(AciWorld.ORG, "automotive").orElseThrow();
        world.external("generalist", "automotive", Set.of("agent:finance"));
        world.control.grant(AciWorld.ORG, AciWorld.USER, "generalist", List.of("agent:finance"));

        assertEquals(
                HandoffStatus.DELIVERED,
                start("generalist", List.of("agent:finance"), "Which EV fits me?", List.of())
                        .status());
        assertEquals(
                List.of("domain:agent:finance"),
                world.audit.ofType(AuditType.HANDOFF).getLast().entry().detail().get("anomalies"));
    }

    @Test
    void registering_an_agent_with_an_undefined_permission_or_a_duplicate_id_is_refused() {
        assertThrows(DomainException.class, () -> world.external("rogue", "x", Set.of("launch:missiles")));
        assertThrows(DomainException.class, () -> world.external("automotive", "automotive", Set.of()));
        assertNotEquals(null, world.agents.find(AciWorld.ORG, "automotive").orElseThrow());
    }

    @Test
    void an_admin_revokes_a_members_grant_audited_as_the_admin_and_nobody_else_may() {
        Map<String, Object> received = atAutomotive("Which EV fits me?", List.of());
        world.control.grant(AciWorld.ORG, AciWorld.USER, "finance-advisor", List.of("agent:finance"));
        var admin = new app.proxyme.domain.policy.Member(
                "admin@" + AciWorld.ORG + ".test", AciWorld.ORG, app.proxyme.domain.policy.Member.ORG_ADMIN, "Ad");
        var reviewer = new app.proxyme.domain.policy.Member(
                "rev@" + AciWorld.ORG + ".test",
                AciWorld.ORG,
                app.proxyme.domain.policy.Member.COMPLIANCE_REVIEWER,
                "Rev");

        DomainException refused = assertThrows(
                DomainException.class, () -> world.control.revokeFor(reviewer, AciWorld.USER, "automotive"));
        assertEquals(DomainException.Kind.FORBIDDEN, refused.kind());
        assertEquals(
                DomainException.Kind.NOT_FOUND,
                assertThrows(DomainException.class, () -> world.control.revokeFor(admin, AciWorld.USER, "nobody"))
                        .kind());
        assertEquals(List.of("agent:finance"), world.timeline.grants(member()).get("finance-advisor"));

        world.control.revokeFor(admin, AciWorld.USER, "finance-advisor");
        assertEquals(null, world.timeline.grants(member()).get("finance-advisor"));
        assertEquals(
                AciError.REVOKED,
                refused(() -> world.gateway.submit("token-automotive", toFinance(received, List.of("agent:finance"))))
                        .error());
        AuditRecord revocation = world.audit.ofType(AuditType.REVOCATION).getLast();
        assertEquals(admin.email(), revocation.entry().actor());
        assertEquals(AciWorld.USER, revocation.entry().user());
    }

    @Test
    void a_pasted_key_must_be_a_public_p256_or_ed25519_jwk_and_only_an_admin_registers_in_the_console() {
        String p256 = new SigningAgent("k").publicJwk();
        for (String jwk : List.of(
                "not json",
                "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}",
                p256.replace("\"P-256\"", "\"P-384\""),
                p256.replace("}", ",\"d\":\"" + "A".repeat(43) + "\"}"))) {
            DomainException e = assertThrows(
                    DomainException.class, () -> world.register("keyed", "x", Set.of("read:profile"), jwk), jwk);
            assertEquals(DomainException.Kind.BAD_REQUEST, e.kind());
            assertTrue(e.getMessage().startsWith("jwk "), e.getMessage());
        }
        var member = member();
        var agent = new app.proxyme.domain.aci.Agent(
                AciWorld.ORG, "keyed", "Keyed", "x", Set.of("read:profile"), p256, null, true);
        assertEquals(
                DomainException.Kind.FORBIDDEN,
                assertThrows(DomainException.class, () -> world.directory.register(member, agent))
                        .kind());
        assertEquals(
                DomainException.Kind.FORBIDDEN,
                assertThrows(DomainException.class, () -> world.directory.disable(member, "automotive"))
                        .kind());
        var admin = new app.proxyme.domain.policy.Member(
                "admin@" + AciWorld.ORG + ".test", AciWorld.ORG, app.proxyme.domain.policy.Member.ORG_ADMIN, "Ad");
        assertEquals("keyed", world.directory.register(admin, agent).id());
    }

    @Test
    void another_organisations_admin_neither_lists_nor_opens_a_chain_the_reviewer_of_its_own_does() {
        String chainId = (String) atAutomotive("Which EV fits me?", List.of()).get("chainId");
        var foreign = new app.proxyme.domain.policy.Member(
                "admin@globex.test", "globex", app.proxyme.domain.policy.Member.ORG_ADMIN, "Gl");
        var reviewer = new app.proxyme.domain.policy.Member(
                "rev@" + AciWorld.ORG + ".test",
                AciWorld.ORG,
                app.proxyme.domain.policy.Member.COMPLIANCE_REVIEWER,
                "Rev");
        assertTrue(world.timeline.chains(foreign, 50).isEmpty());
        assertEquals(
                DomainException.Kind.NOT_FOUND,
                assertThrows(DomainException.class, () -> world.timeline.timeline(foreign, chainId))
                        .kind());
        assertEquals(chainId, world.timeline.chains(reviewer, 50).getFirst().chainId());
        assertEquals(
                11,
                world.timeline
                        .timeline(reviewer, chainId)
                        .hops()
                        .getFirst()
                        .checks()
                        .size());
    }

    private static app.proxyme.domain.policy.Member member() {
        return new app.proxyme.domain.policy.Member(AciWorld.USER, AciWorld.ORG, "ae", "Ae");
    }
}
