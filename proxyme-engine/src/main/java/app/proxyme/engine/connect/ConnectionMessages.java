package app.proxyme.engine.connect;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.DomainException;
import app.proxyme.domain.Ids;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.connect.AccountNotConnectedException;
import app.proxyme.domain.connect.FederatedToken;
import app.proxyme.domain.connect.OutgoingMessage;
import app.proxyme.domain.connect.SentMessage;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.SendThroughConnection;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.FederatedTokens;
import app.proxyme.domain.port.out.SentMessages;
import app.proxyme.domain.port.out.ThirdParty;
import app.proxyme.domain.port.out.TokenRefusedException;
import app.proxyme.domain.port.out.TokenVault;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SendThroughConnection}, in this order: the role check (a {@code write:suggestions} token for the message's
 * topic from the role-scoped vault: a role that may not answer the topic gets nothing further), the connection's
 * token, the {@code message_sent} event (durable before anything leaves; the text committed by digest, revealed to
 * those who may read it), the delivery, the stored record. A delivery that fails after the event is written is
 * recorded as {@code message_failed} with its reason, and the caller gets the failure.
 */
public final class ConnectionMessages implements SendThroughConnection {
    /** How many sent messages a user is shown. */
    static final int SHOWN = 100;

    private final TokenVault roleScoped;
    private final FederatedTokens tokens;
    private final ThirdParty thirdParty;
    private final SentMessages sent;
    private final AuditLog audit;
    private final Clock clock;

    public ConnectionMessages(
            TokenVault roleScoped,
            FederatedTokens tokens,
            ThirdParty thirdParty,
            SentMessages sent,
            AuditLog audit,
            Clock clock) {
        this.roleScoped = roleScoped;
        this.tokens = tokens;
        this.thirdParty = thirdParty;
        this.sent = sent;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public SentMessage send(Member caller, String bearerToken, OutgoingMessage message) {
        try {
            roleScoped.obtain(caller, TokenVault.WRITE_SUGGESTIONS, message.topic());
        } catch (TokenRefusedException e) {
            throw DomainException.forbidden(e.getMessage() + ": nothing was sent");
        }
        if (!thirdParty.handles(message.connection())) {
            throw DomainException.badRequest("messages cannot be sent through " + message.connection() + " here; "
                    + thirdParty.name() + " takes them");
        }
        FederatedToken token = tokens.token(caller, bearerToken, message.connection());
        String id = Ids.next("msg");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("messageId", id);
        detail.put("connection", message.connection());
        detail.put("channel", message.channel());
        detail.put("deliveredTo", thirdParty.name());
        if (message.meetingId() != null) {
            detail.put("meetingId", message.meetingId());
        }
        audit.append(List.of(AuditEntry.withHiddenText(
                AuditType.MESSAGE_SENT,
                caller.org(),
                null,
                caller.email(),
                caller.email(),
                message.topic(),
                null,
                null,
                detail,
                message.text())));
        String reference;
        try {
            reference = thirdParty.deliver(caller, token, message);
        } catch (RuntimeException e) {
            recordFailure(caller, message, id, e);
            throw e;
        }
        var done = new SentMessage(id, caller.email(), message, thirdParty.name(), reference, clock.instant());
        sent.save(caller.org(), done);
        return done;
    }

    @Override
    public List<SentMessage> sent(Member caller) {
        return sent.of(caller.org(), caller.email(), SHOWN);
    }

    /** What the trail says about a failure: the domain's own messages, never a stray exception's internals. */
    private static String reason(RuntimeException failure) {
        return failure instanceof AccountNotConnectedException || failure instanceof DependencyUnavailableException
                ? failure.getMessage()
                : "delivery failed";
    }

    private void recordFailure(Member caller, OutgoingMessage message, String id, RuntimeException failure) {
        try {
            audit.append(List.of(new AuditEntry(
                    AuditType.MESSAGE_FAILED,
                    caller.org(),
                    null,
                    caller.email(),
                    "engine",
                    message.topic(),
                    null,
                    null,
                    Map.of("messageId", id, "reason", reason(failure)))));
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
