package app.proxyme.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.Ids;
import app.proxyme.domain.aci.Agent;
import app.proxyme.domain.aci.Chain;
import app.proxyme.domain.aci.CheckOutcome;
import app.proxyme.domain.aci.Consent;
import app.proxyme.domain.aci.ConsentStatus;
import app.proxyme.domain.aci.Delivery;
import app.proxyme.domain.aci.Envelope;
import app.proxyme.domain.aci.EnvelopeContent;
import app.proxyme.domain.aci.EnvelopeSafety;
import app.proxyme.domain.aci.HandoffStatus;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.aci.HopAuth;
import app.proxyme.domain.aci.HopCheck;
import app.proxyme.domain.aci.PiiSpan;
import app.proxyme.domain.aci.PiiType;
import app.proxyme.domain.aci.TokenRef;
import app.proxyme.domain.port.out.AgentRegistry;
import app.proxyme.domain.port.out.Consents;
import app.proxyme.domain.port.out.Handoffs;
import app.proxyme.domain.port.out.ReplayGuard;
import app.proxyme.domain.port.out.TokenRefs;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the ACI stores promise: agents unique per organisation with their credentials; token references revoked by
 * chain, holder or agent; an envelope id seen once; chains revoked once, withdrawing their untaken work; each inbox
 * item taken once; a consent settled once, with its envelope as saved. Extended once per adapter.
 */
public abstract class AciStoresContractTest {
    protected abstract AgentRegistry agents();

    protected abstract TokenRefs tokens();

    protected abstract ReplayGuard replay();

    protected abstract Handoffs handoffs();

    protected abstract Consents consents();

    private final String org = Contracts.freshOrg();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private Agent agent(String id) {
        return new Agent(
                org, id, "Agent " + id, "finance", Set.of("agent:finance", "read:pii"), "{\"kty\":\"EC\"}", null, true);
    }

    private Envelope envelope(String chainId, String to) {
        return new Envelope(
                UUID.randomUUID().toString(),
                now,
                chainId,
                new HopAuth(
                        org,
                        "ae@acme.test",
                        "proxyme",
                        to,
                        List.of("agent:finance"),
                        "why",
                        List.of("proxyme"),
                        3,
                        Ids.next("tr")),
                Map.of("tone", "casual", "density", 0.65),
                new EnvelopeContent("Mail [EMAIL] please", "ctx", 0.8),
                new EnvelopeSafety(
                        List.of(new PiiSpan(PiiType.EMAIL, "content.primary", 5, 12)), List.of("no-pricing")));
    }

    private String chain() {
        String chainId = Ids.next("ch");
        handoffs().startChain(new Chain(org, chainId, "ae@acme.test", "mt-1", now, false));
        return chainId;
    }

    @Test
    void an_agent_id_is_registered_once_per_organisation_with_its_credentials() {
        String clientId = Ids.next("ac");
        agents().register(agent("fin"), new AgentRegistry.Credentials(clientId, org, "fin", "ab".repeat(32)));

        assertThrows(
                DomainException.class,
                () -> agents().register(
                                agent("fin"),
                                new AgentRegistry.Credentials(Ids.next("ac"), org, "fin", "cd".repeat(32))));
        assertEquals(agent("fin"), agents().find(org, "fin").orElseThrow());
        assertEquals("fin", agents().credentials(clientId).orElseThrow().agent());
        assertTrue(agents().disable(org, "fin"));
        assertFalse(agents().find(org, "fin").orElseThrow().enabled());
        assertFalse(agents().disable(org, "nobody"));
    }

    @Test
    void token_refs_are_revoked_by_chain_holder_or_agent() {
        String chain = chain();
        var a = new TokenRef(
                Ids.next("tr"),
                org,
                "ae@acme.test",
                "fin",
                chain,
                List.of("agent:finance"),
                List.of("no-pricing"),
                3,
                now.plusSeconds(600),
                null);
        var b = new TokenRef(
                Ids.next("tr"),
                org,
                "ae@acme.test",
                "crm",
                chain(),
                List.of(),
                List.of(),
                2,
                now.plusSeconds(600),
                null);
        tokens().save(a);
        tokens().save(b);

        assertEquals(a, tokens().find(a.ref()).orElseThrow());
        assertEquals(1, tokens().revokeChain(org, chain, "chain revoked"));
        assertEquals("chain revoked", tokens().find(a.ref()).orElseThrow().revoked());
        assertEquals(0, tokens().revokeHolder(org, "ae@acme.test", "fin", "again"), "a revoked ref stays as it was");
        assertEquals(1, tokens().revokeAgent(org, "crm", "disabled"));
        assertFalse(tokens().find(b.ref()).orElseThrow().live(now));
    }

    @Test
    void an_envelope_id_is_seen_once_per_organisation() {
        String id = UUID.randomUUID().toString();
        assertTrue(replay().firstSeen(org, id, now.plusSeconds(120)));
        assertFalse(replay().firstSeen(org, id, now.plusSeconds(120)));
        assertTrue(replay().firstSeen(Contracts.freshOrg(), id, now.plusSeconds(120)));
    }

    @Test
    void an_inbox_item_is_taken_once_and_a_revoked_chain_withdraws_its_untaken_items() {
        String kept = chain();
        String revoked = chain();
        handoffs().deliver(new Delivery(Ids.next("ho"), org, "fin", kept, envelope(kept, "fin")));
        handoffs().deliver(new Delivery(Ids.next("ho"), org, "fin", revoked, envelope(revoked, "fin")));

        assertTrue(handoffs().revokeChain(org, revoked));
        assertFalse(handoffs().revokeChain(org, revoked));
        List<Delivery> taken = handoffs().take(org, "fin", 10);
        assertEquals(1, taken.size());
        assertEquals(envelope(kept, "fin").safety(), taken.get(0).envelope().safety());
        assertEquals(kept, taken.get(0).chainId());
        assertTrue(handoffs().take(org, "fin", 10).isEmpty());
        assertTrue(handoffs().chain(revoked).orElseThrow().revoked());
    }

    @Test
    void the_kill_switch_withdraws_the_users_untaken_items_for_the_agent() {
        String chain = chain();
        handoffs().deliver(new Delivery(Ids.next("ho"), org, "fin", chain, envelope(chain, "fin")));

        assertEquals(1, handoffs().withdraw(org, "ae@acme.test", "fin"));
        assertTrue(handoffs().take(org, "fin", 10).isEmpty());
    }

    @Test
    void a_hop_is_saved_and_replaced_and_listed_by_chain() {
        String chain = chain();
        var hop = new Hop(
                Ids.next("ho"),
                org,
                chain,
                "ae@acme.test",
                "proxyme",
                "fin",
                HandoffStatus.PENDING_CONSENT,
                List.of("agent:finance"),
                List.of("agent:finance"),
                List.of(new CheckOutcome(HopCheck.SCHEMA, true, 0.25)),
                1.5,
                900,
                Map.of(),
                List.of(),
                null,
                "cs_1",
                0.9,
                now);
        handoffs().save(hop);
        Hop delivered =
                hop.settled(HandoffStatus.DELIVERED, hop.checks(), 2.0, Map.of("EMAIL", 1), List.of("rate"), null);
        handoffs().save(delivered);

        assertEquals(delivered, handoffs().hop(hop.handoffId()).orElseThrow());
        assertEquals(1, handoffs().recentHops(org, chain, now.minusSeconds(60)));
        assertEquals(0, handoffs().recentHops(org, chain, now.plusSeconds(1)));
        assertEquals(List.of(delivered), handoffs().hops(org, chain));
        assertEquals(chain, handoffs().chains(org, "ae@acme.test", 10).get(0).chainId());
    }

    @Test
    void a_consent_is_settled_once_and_keeps_its_envelope() {
        String chain = chain();
        var c = new Consent(
                Ids.next("cs"),
                Ids.next("ho"),
                org,
                "ae@acme.test",
                chain,
                "fin",
                List.of("agent:finance"),
                "why",
                ConsentStatus.PENDING,
                now.plusSeconds(120),
                envelope(chain, "fin"));
        consents().save(c);

        assertEquals(List.of(c), consents().pending(org, "ae@acme.test"));
        assertEquals(List.of(c), consents().due(now.plusSeconds(120)));
        assertEquals(
                ConsentStatus.DENIED,
                consents()
                        .settle(c.consentId(), ConsentStatus.DENIED)
                        .orElseThrow()
                        .status());
        assertTrue(consents().settle(c.consentId(), ConsentStatus.ALLOWED).isEmpty());
        assertTrue(consents().denied(org, chain, "fin"));
        assertFalse(consents().denied(org, chain, "crm"));
        assertTrue(consents().pending(org, "ae@acme.test").isEmpty());
    }
}
