package app.proxyme.domain.aci;

import java.util.Objects;

/** Work waiting in an agent's inbox: the hop and the envelope as delivered. Each is taken once. */
public record Delivery(String handoffId, String org, String agent, String chainId, Envelope envelope) {
    public Delivery {
        Objects.requireNonNull(handoffId, "handoffId");
        Objects.requireNonNull(envelope, "envelope");
    }
}
