package app.proxyme.web.ws;

import app.proxyme.domain.handoff.ChainTimeline;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.DecideApproval;
import app.proxyme.domain.port.in.HandOff;
import app.proxyme.domain.port.in.SignIn;
import app.proxyme.web.app.Connection;
import app.proxyme.web.app.InboundPace;
import app.proxyme.web.app.MeetingHub;
import app.proxyme.web.app.Messages;
import app.proxyme.web.transport.Transport;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /ws/approvals?access_token=...}: the phone page's live view of one member's approvals, in every meeting.
 * It opens with a {@code pending} message (the open approvals, oldest first), then carries each {@code approval}
 * message of the member — requested, decided, expired — from whichever instance it happens on. It takes
 * {@code approve}, {@code deny} and {@code ping}. A sign-in token or a paired phone's token opens it; a member removed,
 * or a token expired, is closed with 1008 within seconds, like an overlay.
 */
@Dependent
@ServerEndpoint("/ws/approvals")
public class ApprovalsSocket {
    /** The largest message a phone sends (an approve with its id is ~60 bytes). */
    private static final int MAX_MESSAGE = 4096;

    private final SignIn signIn;
    private final DecideApproval approvals;
    private final HandOff handOff;
    private final ChainTimeline consents;
    private final MeetingHub hub;
    private Connection connection;
    private InboundPace pace;

    @Inject
    public ApprovalsSocket(
            SignIn signIn, DecideApproval approvals, HandOff handOff, ChainTimeline consents, MeetingHub hub) {
        this.signIn = signIn;
        this.approvals = approvals;
        this.handOff = handOff;
        this.consents = consents;
        this.hub = hub;
    }

    @OnOpen
    public void open(Session session) throws IOException {
        session.setMaxTextMessageBufferSize(MAX_MESSAGE);
        List<String> values = session.getRequestParameterMap().get("access_token");
        String token = values == null || values.isEmpty() ? null : values.get(0);
        Optional<Member> member = signIn.authenticateApprover(token);
        if (member.isEmpty()) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "missing or invalid access_token"));
            return;
        }
        connection = Connection.open(
                session, member.get(), token, null, Transport.current().orElse(null), hub::closedWith);
        // registered before the list is read, so that nothing requested in between is missed (at worst heard twice)
        hub.register(connection);
        pace = hub.paceFor(connection);
        Replies.handle(connection, "listing the approvals", () -> {
            connection.send(Messages.pending(approvals.pending(member.get())));
            consents.pendingConsents(member.get()).forEach(r -> connection.send(Messages.consent(r)));
        });
    }

    @OnMessage
    public void message(String raw) {
        if (!Replies.inTurn(connection, pace)) {
            return;
        }
        Replies.handle(connection, "a message on the approvals socket", () -> {
            switch (ClientMessage.parse(raw)) {
                case ClientMessage.Decide d ->
                    approvals.decide(Replies.signedIn(hub, connection), d.approvalId(), d.approve());
                case ClientMessage.Ping p -> connection.send(Messages.pong());
                case ClientMessage.ConsentDecide d -> {
                    Member m = Replies.signedIn(hub, connection);
                    handOff.decide(m.org(), m.email(), d.consentId(), d.decision());
                }
                default ->
                    throw new ClientMessage.BadMessage(
                            "bad_request", "the approvals socket takes approve, deny, consent_decide and ping only");
            }
        });
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
        // a phone that drops off: its next connection gets the pending list again
    }
}
