package app.proxyme.engine.aci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.aci.EnvelopeContent;
import app.proxyme.domain.aci.HandoffStatus;
import app.proxyme.domain.aci.StartChain;
import app.proxyme.engine.aci.client.SigningAgent;
import app.proxyme.engine.testsupport.AciWorld;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The gateway's in-process time per hop on the seed's example (automotive → finance, with a token reference): schema,
 * agent, signature, replay, token, revocation, chain, permissions (FGA), PII and anomaly checks with the real local
 * adapters, in-memory stores and audit; no red lines, so no classification. The agent's own signing is done before
 * the clock starts. Also the size of that hop's envelope. A timed loop after a warm-up (not JMH): run with
 * {@code ./mvnw -B -ntp -pl proxyme-engine -am test -Dtest=GatewayOverheadMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GatewayOverheadMeasurement {
    private static final int WARM_UP = 20_000;
    private static final int MEASURED = 20_000;
    private static final int HOPS_PER_CHAIN = 20;

    @Test
    @SuppressWarnings("unchecked")
    void a_hop_without_consent_costs_well_under_a_millisecond_and_its_envelope_under_2_kb() {
        var world = new AciWorld();
        SigningAgent automotive =
                world.external("automotive", "automotive", Set.of("agent:automotive", "read:profile"));
        world.external("finance-advisor", "finance", Set.of("agent:finance", "read:investment_goals"));
        world.control.grant(AciWorld.ORG, AciWorld.USER, "automotive", List.of("agent:automotive", "read:profile"));
        world.control.grant(
                AciWorld.ORG, AciWorld.USER, "finance-advisor", List.of("agent:finance", "read:investment_goals"));
        String primary = "EVs hit max torque from 0 rpm, so the Model 3 feels quick in town. Running costs are low:"
                + " no oil changes, few brake pads. To compare it with an index fund I need your investment goals.";
        // chains of HOPS_PER_CHAIN hops each (the seed's chains are short), every envelope signed before timing
        var bodies = new ArrayList<String>(WARM_UP + MEASURED);
        while (bodies.size() < WARM_UP + MEASURED) {
            world.gateway.start(new StartChain(
                    AciWorld.ORG,
                    AciWorld.USER,
                    "automotive",
                    List.of("agent:automotive", "read:profile"),
                    "Compare the car with an index fund",
                    new EnvelopeContent("Is a Model 3 a good buy for me?", "User owns a Tesla Model 3", 0.9),
                    Map.of("tone", "casual-technical", "expertise", "intermediate", "density", 0.65),
                    List.of(),
                    3,
                    null));
            Map<String, Object> received = SigningAgent.parse(world.ports
                    .format()
                    .write(world.gateway
                            .inbox("token-automotive", 1)
                            .get(0)
                            .envelope()
                            .toMap()));
            for (int i = 0; i < HOPS_PER_CHAIN; i++) {
                bodies.add(automotive.signed(automotive.next(
                        received,
                        "finance-advisor",
                        List.of("agent:finance", "read:investment_goals"),
                        primary,
                        world.clock.instant())));
            }
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < bodies.size(); i++) {
            long start = System.nanoTime();
            var hop = world.gateway.submit("token-automotive", bodies.get(i));
            long took = System.nanoTime() - start;
            assertEquals(HandoffStatus.DELIVERED, hop.status());
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = took;
            }
            if (i % 1000 == 999) {
                world.gateway.inbox("token-finance-advisor", 1000);
            }
        }
        Arrays.sort(nanos);
        int bytes = bodies.get(0).getBytes(StandardCharsets.UTF_8).length;
        double p50 = nanos[MEASURED / 2] / 1e6;
        double p99 = nanos[(int) (MEASURED * 0.99)] / 1e6;
        double p999 = nanos[(int) (MEASURED * 0.999)] / 1e6;
        System.out.printf(
                "gateway hop: p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms over %d hops; envelope %d bytes%n",
                p50, p99, p999, nanos[MEASURED - 1] / 1e6, MEASURED, bytes);
        var perCheck = new java.util.TreeMap<String, List<Double>>();
        world.audit.ofType(app.proxyme.domain.audit.AuditType.HANDOFF).stream()
                .skip(world.audit
                                .ofType(app.proxyme.domain.audit.AuditType.HANDOFF)
                                .size()
                        - MEASURED)
                .forEach(r -> ((List<Map<String, Object>>) r.entry().detail().get("checks"))
                        .forEach(c -> perCheck.computeIfAbsent((String) c.get("check"), k -> new ArrayList<>())
                                .add(((Number) c.get("ms")).doubleValue())));
        perCheck.forEach((check, ms) -> {
            ms.sort(null);
            System.out.printf(
                    "  %-11s p50 %.3f ms, p99 %.3f ms%n",
                    check, ms.get(ms.size() / 2), ms.get((int) (ms.size() * 0.99)));
        });
        assertTrue(bytes <= 2048, "the seed's hop with a token reference is at most 2 KB: " + bytes);
    }
}
