package app.proxyme.web.app;

import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.chunk.ChunkListener;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.flow.FlowEvent;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.WatchMeetings.Kind;
import app.proxyme.domain.port.in.WatchMeetings.LiveEvent;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/** What one chunk produces, sent to the member's connections in its meeting as it happens (PROTOCOL.md messages). */
public final class MeetingListener implements ChunkListener {
    private final MeetingHub hub;
    private final Member member;
    private final String meetingId;
    private final long seq;
    private final Consumer<Decision> decided;

    /** @param decided told each decision before it is sent (e.g. to time it) */
    public MeetingListener(MeetingHub hub, Member member, String meetingId, long seq, Consumer<Decision> decided) {
        this.hub = hub;
        this.member = member;
        this.meetingId = meetingId;
        this.seq = seq;
        this.decided = decided;
    }

    @Override
    public void emit(FlowEvent event) {
        send(Messages.flow(seq, event));
        if (!hub.watched(member.org())) {
            return;
        }
        hub.observed(
                member.org(),
                new LiveEvent(
                        Kind.FLOW,
                        meetingId,
                        member.email(),
                        seq,
                        event.step().wire(),
                        shortly(event.detail()),
                        event.millis()));
    }

    /** Detail the console's ticker leaves out: long, and on the member's own card already. */
    private static final java.util.Set<String> LONG = java.util.Set.of("bindingMessage", "approvalId");

    /** A step's detail in short: {@code topic=pricing, cached=true}. */
    static String shortly(Map<String, Object> detail) {
        var parts = new ArrayList<String>();
        new TreeMap<>(detail).forEach((k, v) -> {
            if (!LONG.contains(k)) {
                parts.add(k + "=" + v);
            }
        });
        String s = String.join(", ", parts);
        return s.length() > 120 ? s.substring(0, 119) + "…" : s;
    }

    @Override
    public void decision(Decision decision) {
        decided.accept(decision);
        send(Messages.decision(seq, decision));
        if (!hub.watched(member.org())) {
            return;
        }
        hub.observed(
                member.org(),
                new LiveEvent(
                        Kind.DECISION,
                        meetingId,
                        member.email(),
                        seq,
                        "decision",
                        decision.outcome() + " by " + decision.layer().wire(),
                        0));
    }

    @Override
    public void suggestion(Suggestion suggestion) {
        send(Messages.suggestion(suggestion));
    }

    @Override
    public void suggestionFailed(String reason) {
        send(Messages.error(seq, "unavailable", reason));
    }

    private void send(Object message) {
        hub.toMeeting(member.org(), meetingId, member.email(), message);
    }
}
