package app.proxyme.domain.aci;

import java.util.List;

/** What the gateway answers for a hop it accepted: delivered, or waiting for the user's consent. */
public record HopResult(
        String handoffId, String chainId, HandoffStatus status, String consentId, List<String> missing) {
    public HopResult {
        missing = List.copyOf(missing);
    }
}
