package app.proxyme.domain.port.in;

import app.proxyme.domain.aci.ConsentDecision;
import app.proxyme.domain.aci.ConsentResult;
import app.proxyme.domain.aci.Delivery;
import app.proxyme.domain.aci.HopResult;
import app.proxyme.domain.aci.StartChain;
import java.util.List;

/**
 * The ACI gateway (ACI.md): every hop passes its checks in order, is audited, and is delivered once with a new token
 * reference scoped to exactly what was granted. Refusals are {@link app.proxyme.domain.aci.HandoffRefused}.
 */
public interface HandOff {
    /** A user starts a chain: the built-in {@code proxyme} agent signs hop 1, which passes every check. */
    HopResult start(StartChain command);

    /** An agent hands on work: {@code body} is the signed envelope, {@code bearer} its agent token. */
    HopResult submit(String bearer, String body);

    /** The user answers a consent; the hop's remaining checks run before this returns. */
    ConsentResult decide(String org, String user, String consentId, ConsentDecision decision);

    /** Takes up to {@code max} items of the calling agent's inbox (each is delivered once). */
    List<Delivery> inbox(String bearer, int max);

    /** Consents whose deadline passed become {@code EXPIRED}, and so do their hops; returns how many. */
    int expireConsents();
}
