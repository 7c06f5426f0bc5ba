package app.proxyme.web.ws;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.chunk.Chunk;
import app.proxyme.domain.handoff.ChainTimeline;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.DecideApproval;
import app.proxyme.domain.port.in.HandOff;
import app.proxyme.domain.port.in.HandleChunk;
import app.proxyme.domain.port.in.JoinMeeting;
import app.proxyme.domain.port.in.KeepChunkOrder;
import app.proxyme.domain.port.in.SetMeetingContext;
import app.proxyme.domain.port.in.SignIn;
import app.proxyme.domain.port.in.SwitchTopics;
import app.proxyme.web.app.Connection;
import app.proxyme.web.app.InboundPace;
import app.proxyme.web.app.MeetingHub;
import app.proxyme.web.app.MeetingListener;
import app.proxyme.web.app.Messages;
import app.proxyme.web.app.Metrics;
import app.proxyme.web.transport.Transport;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /ws/meetings/{meetingId}?access_token=...}: one participant's overlay. Chunks are acknowledged at
 * once and decided off the I/O thread, in order per user and meeting; a chunk that finds its lane full gets
 * {@code busy} instead of an {@code ack}. Bad input gets an {@code error} message and the connection stays open.
 * The member is read again before every message but a ping: a changed role applies to the next chunk, a removed
 * member (or an expired token) is closed with 1008, which is used for authentication only.
 */
@Dependent
@ServerEndpoint("/ws/meetings/{meetingId}")
public class MeetingSocket {
    private static final System.Logger LOG = System.getLogger(MeetingSocket.class.getName());
    /** The largest message when the transport does not say (Helidon's default max frame length). */
    private static final long HARD_CAP = 1024 * 1024;

    private final SignIn signIn;
    private final HandleChunk chunks;
    private final KeepChunkOrder order;
    /** Whether this connection's chunks may be decided: earlier ones another instance accepted are (lane order). */
    private volatile boolean inTurn;

    private final JoinMeeting attendance;
    private final SwitchTopics switches;
    private final SetMeetingContext contexts;
    private final DecideApproval approvals;
    private final HandOff handOff;
    private final ChainTimeline consents;
    private final MeetingHub hub;
    private final Metrics metrics;
    private Connection connection;
    private InboundPace pace;

    @Inject
    public MeetingSocket(
            SignIn signIn,
            HandleChunk chunks,
            KeepChunkOrder order,
            JoinMeeting attendance,
            SwitchTopics switches,
            SetMeetingContext contexts,
            DecideApproval approvals,
            HandOff handOff,
            ChainTimeline consents,
            MeetingHub hub,
            Metrics metrics) {
        this.signIn = signIn;
        this.chunks = chunks;
        this.order = order;
        this.attendance = attendance;
        this.switches = switches;
        this.contexts = contexts;
        this.approvals = approvals;
        this.handOff = handOff;
        this.consents = consents;
        this.hub = hub;
        this.metrics = metrics;
    }

    @OnOpen
    public void open(Session session, @PathParam("meetingId") String meetingId) throws IOException {
        Transport transport = Transport.current().orElse(null);
        // a frame above the transport's hard cap closes the socket (1009) before it is read; a message sent in
        // fragments is held to the same cap; anything larger than ClientMessage.MAX_BYTES gets too_large
        session.setMaxTextMessageBufferSize(
                (int) Math.min(transport == null ? HARD_CAP : transport.maxFrame(), Integer.MAX_VALUE));
        String token = token(session);
        Optional<Member> member = signIn.authenticate(token);
        if (member.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "missing or invalid access_token"));
            return;
        }
        if (!Chunk.MEETING_ID.matcher(meetingId).matches()) {
            session.close(new CloseReason(
                    CloseReason.CloseCodes.CANNOT_ACCEPT, "meeting id must be 1-64 characters of [A-Za-z0-9_-]"));
            return;
        }
        Member m = member.get();
        JoinMeeting.MeetingState state = attendance.join(m, meetingId);
        connection = Connection.open(session, m, token, meetingId, transport, hub::closedWith);
        hub.register(connection);
        pace = hub.paceFor(connection);
        var stateMessage = Messages.state(state.meetingId(), state.toggles(), state.suggestions());
        stateMessage.put("context", Messages.context(contexts.declared(m), contexts.current(m, meetingId)));
        connection.send(stateMessage);
        // the consents waiting for the user (also those asked while no overlay was open, or before a restart)
        Replies.handle(
                connection,
                "listing the consents",
                () -> consents.pendingConsents(m).forEach(r -> connection.send(Messages.consent(r))));
    }

    @OnMessage
    public void message(String raw) {
        if (!Replies.inTurn(connection, pace)) {
            return;
        }
        Replies.handle(connection, "a message of meeting " + connection.meetingId(), () -> {
            switch (ClientMessage.parse(raw)) {
                case ClientMessage.ChunkMessage c -> chunk(c);
                case ClientMessage.Toggle t -> connection.send(toggles(t));
                case ClientMessage.Decide d -> approvals.decide(signedIn(), d.approvalId(), d.approve());
                case ClientMessage.Ping p -> connection.send(Messages.pong());
                case ClientMessage.Draft d -> draft(d.seq());
                case ClientMessage.ConsentDecide d -> decide(d);
                case ClientMessage.Context c ->
                    connection.send(Messages.context(
                            contexts.declared(signedIn()),
                            contexts.set(signedIn(), connection.meetingId(), c.values())));
            }
        });
    }

    /** The user's answer to a consent; the settled consent reaches every connection of theirs ({@code consent}). */
    private void decide(ClientMessage.ConsentDecide d) {
        Member m = signedIn();
        handOff.decide(m.org(), m.email(), d.consentId(), d.decision());
    }

    private Member signedIn() {
        return Replies.signedIn(hub, connection);
    }

    private Object toggles(ClientMessage.Toggle t) {
        var state = switches.set(signedIn(), connection.meetingId(), t.topic(), t.enabled());
        return java.util.Map.of("type", "toggles", "toggles", state);
    }

    private void chunk(ClientMessage.ChunkMessage c) {
        if (!connection.above(c.seq())) {
            // with its seq, so that a client can tell which chunk to send again under a new one
            connection.send(Messages.error(c.seq(), "bad_seq", "seq " + c.seq() + " is not above the last one"));
            return;
        }
        Member member = signedIn();
        if (!c.isFinal()) {
            connection.advance(c.seq());
            connection.send(Messages.ack(c.seq()));
            return;
        }
        var chunk = new Chunk(member.org(), connection.meetingId(), c.seq(), c.speaker(), c.text());
        long accepted = System.nanoTime();
        // ack means durable: the chunk event is recorded once the chunk has its place in the lane, before the ack;
        // if it cannot be recorded, the chunk is neither queued nor acknowledged (error unavailable)
        boolean queued;
        try {
            queued = hub.inLane(connection, () -> decide(member, chunk, accepted), () -> {
                chunks.accept(member, chunk);
                connection.advance(c.seq());
                connection.send(Messages.ack(c.seq()));
            });
        } catch (DependencyUnavailableException e) {
            connection.send(Messages.error(
                    c.seq(),
                    "unavailable",
                    "chunk " + c.seq() + " was not accepted: " + e.dependency() + " is unavailable; send it again"));
            return;
        }
        if (!queued) {
            metrics.busy();
            connection.send(Messages.error(
                    c.seq(),
                    "busy",
                    "chunk " + c.seq() + " was not accepted: " + hub.laneCapacity()
                            + " chunks wait to be decided or answered; send it again later"));
        }
    }

    /**
     * Decides the chunk in its lane; the answer the decision allows is drafted in the answer lane, so that the next
     * chunk's decision does not wait for it (a full answer lane gives the answer up, recorded as
     * {@code suggestion_failed}).
     */
    private void decide(Member member, Chunk chunk, long accepted) {
        var out = listener(member, chunk.meetingId(), chunk.seq(), accepted);
        reported(member, chunk, () -> {
            if (!inTurn) {
                // the first chunk of this connection: the member's earlier chunks, if another instance accepted
                // them before a reconnect brought them here, are decided (or abandoned) first
                order.awaitEarlierChunks(member, chunk.meetingId());
                inTurn = true;
            }
            chunks.decide(member, chunk, out).ifPresent(pending -> {
                if (!hub.inAnswerLane(connection, () -> reported(member, chunk, () -> chunks.answer(pending, out)))) {
                    chunks.dropAnswer(
                            pending,
                            "the answer was not drafted: " + hub.laneCapacity() + " answers wait to be drafted",
                            out);
                }
            });
        });
    }

    /** Runs {@code handling} of {@code chunk}; a failure is told to the member's connections in the meeting. */
    private void reported(Member member, Chunk chunk, Runnable handling) {
        try {
            handling.run();
        } catch (DependencyUnavailableException e) {
            // e.g. the audit trail: what could not be recorded was neither stored nor shown
            hub.toMeeting(
                    member.org(),
                    chunk.meetingId(),
                    member.email(),
                    Messages.error(chunk.seq(), "unavailable", e.dependency() + " is unavailable: try again"));
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "chunk " + chunk.seq() + " of meeting " + chunk.meetingId() + " failed",
                    e);
            hub.toMeeting(
                    member.org(),
                    chunk.meetingId(),
                    member.email(),
                    Messages.error("internal", "chunk " + chunk.seq() + " could not be decided: nothing was said"));
        }
    }

    /**
     * Drafts an answer for an unsure chunk on request, in the member's answer lane (after the answers before it); a
     * refusal (no such chunk, not unsure, drafted already) is an {@code error} message.
     */
    private void draft(long seq) {
        Member member = signedIn();
        String meetingId = connection.meetingId();
        boolean queued = hub.inAnswerLane(
                connection,
                () -> Replies.handle(
                        connection,
                        "a draft for chunk " + seq,
                        () -> chunks.draft(
                                member, meetingId, seq, listener(member, meetingId, seq, System.nanoTime()))));
        if (!queued) {
            connection.send(
                    Messages.error(seq, "busy", "the draft of chunk " + seq + " was not accepted: ask again later"));
        }
    }

    /** What one chunk produces, sent to the member's connections in the meeting as it happens, and timed. */
    private MeetingListener listener(Member member, String meetingId, long seq, long accepted) {
        return new MeetingListener(
                hub, member, meetingId, seq, d -> metrics.decided(d.outcome(), System.nanoTime() - accepted));
    }

    @OnClose
    public void close(Session session) {
        if (connection != null) {
            hub.unregister(connection);
            connection.ended();
        }
    }

    @OnError
    public void error(Session session, Throwable t) {
        LOG.log(System.Logger.Level.DEBUG, "websocket error: " + t);
    }

    private static String token(Session session) {
        List<String> values = session.getRequestParameterMap().get("access_token");
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
