package app.proxyme.domain.aci;

import app.proxyme.domain.policy.OrgId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user's request to start a chain ({@code POST /api/aci/chains}): {@code proxyme} signs hop 1 to {@code to}.
 *
 * @param meetingId the meeting whose audit and share pages the chain's events join, or {@code null}
 * @param maxDepth the chain's depth limit, or 0 for the organisation's
 */
public record StartChain(
        String org,
        String user,
        String to,
        List<String> permissions,
        String reason,
        EnvelopeContent content,
        Map<String, Object> resonance,
        List<String> redlines,
        int maxDepth,
        String meetingId) {
    public StartChain {
        OrgId.require(org);
        Objects.requireNonNull(user, "user");
        if (!AgentId.valid(to)) {
            throw HandoffRefused.invalid("to", "not an agent id");
        }
        permissions = List.copyOf(permissions);
        Objects.requireNonNull(content, "content");
        resonance = resonance == null ? Map.of() : Map.copyOf(resonance);
        redlines = redlines == null ? List.of() : List.copyOf(redlines);
    }
}
