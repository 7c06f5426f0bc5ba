package app.proxyme.web.app;

import app.proxyme.domain.approval.BindingMessage;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.flow.FlowEvent;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server → client messages of PROTOCOL.md, as JSON-ready maps. */
public final class Messages {
    private Messages() {}

    /**
     * A consent as its user sees it (ACI.md): each permission with its description, the receiving agent, the reason,
     * and its status ({@code PENDING} while it waits; then how it ended).
     */
    public static Map<String, Object> consentView(app.proxyme.domain.aci.ConsentRequest r) {
        var c = r.consent();
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("consentId", c.consentId());
        m.put("handoffId", c.handoffId());
        m.put("chainId", c.chainId());
        m.put("agent", r.agentName());
        m.put("agentId", c.agent());
        m.put(
                "permissions",
                c.missing().stream()
                        .map(p -> Map.of(
                                "name", p, "description", r.descriptions().getOrDefault(p, p)))
                        .toList());
        m.put("reason", c.reason() == null ? "" : c.reason());
        m.put("status", c.status().name());
        return m;
    }

    /** The overlay's and phone page's consent card: {@code {"type":"consent", …}} with the view above. */
    public static Map<String, Object> consent(app.proxyme.domain.aci.ConsentRequest r) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("type", "consent");
        m.putAll(consentView(r));
        return m;
    }

    public static Map<String, Object> ack(long seq) {
        return Map.of("type", "ack", "seq", seq);
    }

    public static Map<String, Object> pong() {
        return Map.of("type", "pong");
    }

    public static Map<String, Object> error(String code, String message) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", "error");
        m.put("code", code);
        m.put("message", message);
        return m;
    }

    public static Map<String, Object> flow(long seq, FlowEvent e) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", "flow");
        m.put("seq", seq);
        m.put("step", e.step().wire());
        m.put("detail", e.detail());
        m.put("ms", e.millis());
        return m;
    }

    /** {@code decision}: the type and seq, the decision's wire form, and whether a suggestion follows. */
    public record DecisionMessage(
            String type, long seq, @JsonUnwrapped DecisionJson decision, boolean suggestionFollows) {}

    public static DecisionMessage decision(long seq, Decision d) {
        return new DecisionMessage("decision", seq, DecisionJson.of(d), d.generationAllowed());
    }

    /** {@code error} about one chunk: {@code unavailable} when its promised suggestion could not be drafted. */
    public static Map<String, Object> error(long seq, String code, String message) {
        var m = error(code, message);
        m.put("seq", seq);
        return m;
    }

    public static Map<String, Object> suggestion(Suggestion s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", "suggestion");
        m.put("seq", s.chunkSeq());
        m.put("suggestionId", s.id());
        m.put("status", s.status().name());
        m.put("topic", s.topic());
        m.put("text", s.text());
        if (s.approvalId() != null) {
            m.put("approvalId", s.approvalId());
            m.put("expiresAt", s.expiresAt().toString());
        }
        return m;
    }

    /**
     * An {@code approval} message that also says where the approval is asked ({@code channel}: {@code push} or
     * {@code overlay}) and why ({@code note}).
     */
    public static Map<String, Object> approval(Suggestion s, String channel, String note) {
        var m = approval(s, null);
        m.put("channel", channel);
        m.put("note", note);
        return m;
    }

    public static Map<String, Object> approval(Suggestion s, String bindingMessage) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", "approval");
        m.put("seq", s.chunkSeq());
        m.put("approvalId", s.approvalId());
        m.put("status", s.approvalStatus().name());
        m.put("suggestionId", s.id());
        m.put("meetingId", s.meetingId());
        m.put("topic", s.topic());
        m.put("expiresAt", s.expiresAt().toString());
        m.put("text", s.text());
        if (bindingMessage != null) {
            m.put("bindingMessage", bindingMessage);
        }
        if (s.decidedBy() != null) {
            m.put("decidedBy", s.decidedBy());
        }
        return m;
    }

    /** What a (re)connecting phone needs: the member's pending approvals, oldest first. */
    public static Map<String, Object> pending(List<Suggestion> pending) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", "pending");
        m.put("approvals", pending.stream().map(Messages::pendingApproval).toList());
        return m;
    }

    /** The state a (re)connecting overlay needs: its switches and its suggestions in this meeting. */
    public static Map<String, Object> state(String meetingId, Map<String, Boolean> toggles, List<Suggestion> mine) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", "state");
        m.put("meetingId", meetingId);
        m.put("toggles", toggles);
        m.put("suggestions", mine.stream().map(Messages::suggestion).toList());
        return m;
    }

    /**
     * The meeting values of the member ({@code type: context}, also inside {@code state}): the declared names with
     * their types, and the values set.
     */
    public static Map<String, Object> context(Map<String, String> declared, Map<String, Object> values) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", "context");
        m.put("declared", declared);
        m.put("values", values);
        return m;
    }

    /** A pending approval as {@code GET /api/approvals} lists it. */
    public static Map<String, Object> pendingApproval(Suggestion s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("approvalId", s.approvalId());
        m.put("suggestionId", s.id());
        m.put("meetingId", s.meetingId());
        m.put("topic", s.topic());
        m.put("text", s.text());
        m.put("bindingMessage", BindingMessage.of(s.topic(), s.text()));
        m.put("status", s.approvalStatus().name());
        m.put("expiresAt", s.expiresAt().toString());
        return m;
    }
}
