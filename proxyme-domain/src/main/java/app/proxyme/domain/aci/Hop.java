package app.proxyme.domain.aci;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One hop as the gateway recorded it: what the timeline of its chain shows.
 *
 * @param permissions what the hop asked {@code to} to hold
 * @param missing the permissions it lacked (a consent's, an escalation's), empty when none
 * @param checks the checks that ran, in order, with their time
 * @param ms the gateway's time for the hop
 * @param bytes the envelope's size as received
 * @param pii how many spans of each type the gateway found (never their values)
 * @param anomalies flags for review ({@code domain:agent:finance}, {@code escalation})
 * @param error the refusal's code, or {@code null}
 * @param consentId the consent the hop waits for or waited for, or {@code null}
 * @param confidence the sender's confidence in its content, or {@code null}
 */
public record Hop(
        String handoffId,
        String org,
        String chainId,
        String user,
        String from,
        String to,
        HandoffStatus status,
        List<String> permissions,
        List<String> missing,
        List<CheckOutcome> checks,
        double ms,
        int bytes,
        Map<String, Integer> pii,
        List<String> anomalies,
        String error,
        String consentId,
        Double confidence,
        Instant at) {
    public Hop {
        Objects.requireNonNull(handoffId, "handoffId");
        Objects.requireNonNull(status, "status");
        permissions = List.copyOf(permissions);
        missing = List.copyOf(missing);
        checks = List.copyOf(checks);
        pii = Map.copyOf(pii);
        anomalies = List.copyOf(anomalies);
        Objects.requireNonNull(at, "at");
    }

    /** The same hop in another status, with its checks, time and findings as they are now. */
    public Hop settled(
            HandoffStatus newStatus,
            List<CheckOutcome> newChecks,
            double newMs,
            Map<String, Integer> newPii,
            List<String> newAnomalies,
            String newError) {
        return new Hop(
                handoffId,
                org,
                chainId,
                user,
                from,
                to,
                newStatus,
                permissions,
                missing,
                newChecks,
                newMs,
                bytes,
                newPii,
                newAnomalies,
                newError,
                consentId,
                confidence,
                at);
    }
}
