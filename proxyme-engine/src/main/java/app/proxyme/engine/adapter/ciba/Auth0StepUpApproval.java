package app.proxyme.engine.adapter.ciba;

import app.proxyme.domain.approval.BindingMessage;
import app.proxyme.domain.approval.StepUpRequest;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.port.out.PolicyStore;
import app.proxyme.domain.port.out.StepUpApproval;
import app.proxyme.domain.port.out.StepUpRequests;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

/**
 * Step-up through Auth0 CIBA: the held suggestion goes to the user's own devices at once (as in embedded mode), and a
 * push to their phone is started in the background, so that the card never waits for Auth0. A push that is sent is
 * stored for the {@link CibaPoller}; one that is not — more than {@link #PUSHES_PER_MINUTE} a minute, Auth0's 429, no
 * push enrolment, Auth0 unreachable — leaves the approval pending in the overlay (fail closed: never {@code AUTO}),
 * and the devices are told why.
 */
public final class Auth0StepUpApproval implements StepUpApproval {
    private static final System.Logger LOG = System.getLogger(Auth0StepUpApproval.class.getName());

    /** Auth0 sends at most this many pushes a minute to one user. */
    static final int PUSHES_PER_MINUTE = 5;
    /** Longest {@code requested_expiry} that is still a push (longer ones become e-mails). */
    static final long MAX_PUSH_EXPIRY_S = 300;
    /** Never poll more often than this, whatever the server says. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private static final Pattern BINDING = Pattern.compile("[A-Za-z0-9+\\-_.,:#]{1,64}");

    private final CibaClient client;
    private final StepUpRequests requests;
    private final PolicyStore policies;
    private final StepUpApproval devices;
    private final DeviceNotes notes;
    private final Executor pushes;
    private final Clock clock;

    /**
     * @param devices the embedded delivery to the user's overlay and phone page, kept in this mode
     * @param notes tells those devices whether the phone was asked, and why not
     * @param pushes where pushes are sent from (not the caller's thread)
     */
    public Auth0StepUpApproval(
            CibaClient client,
            StepUpRequests requests,
            PolicyStore policies,
            StepUpApproval devices,
            DeviceNotes notes,
            Executor pushes,
            Clock clock) {
        this.client = client;
        this.requests = requests;
        this.policies = policies;
        this.devices = devices;
        this.notes = notes;
        this.pushes = pushes;
        this.clock = clock;
    }

    @Override
    public void request(Suggestion held, String bindingMessage) {
        RuntimeException undelivered = null;
        try {
            devices.request(held, bindingMessage);
        } catch (RuntimeException e) {
            undelivered = e;
        }
        try {
            pushes.execute(() -> push(held, bindingMessage));
        } catch (RejectedExecutionException e) {
            notSent(held, "too many pushes are waiting to be sent");
        }
        if (undelivered != null) {
            throw undelivered; // as in embedded mode; the push may still reach the phone
        }
    }

    /** Starts the push, and stores it for the poller; or says why it was not sent. */
    void push(Suggestion held, String bindingMessage) {
        try {
            Instant now = clock.instant();
            long expiry = Math.min(
                    MAX_PUSH_EXPIRY_S, Duration.between(now, held.expiresAt()).toSeconds());
            if (expiry < 1) {
                return; // expired meanwhile: the deadline job settles it
            }
            if (requests.sentSince(held.org(), held.user(), now.minus(Duration.ofMinutes(1))) >= PUSHES_PER_MINUTE) {
                notSent(held, "the limit of " + PUSHES_PER_MINUTE + " pushes a minute is reached");
                return;
            }
            Optional<String> subject = policies.subjectOf(held.user());
            if (subject.isEmpty()) {
                notSent(held, "you have no identity-provider subject");
                return;
            }
            var push = new CibaClient.Push(
                    subject.get(),
                    binding(held, bindingMessage),
                    held.topic(),
                    held.approvalId(),
                    sha256(held.text()),
                    expiry);
            switch (client.authorize(push)) {
                case Authorization.Started s -> sent(held, s);
                case Authorization.NotStarted n -> notSent(held, why(n));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "no push for " + held.approvalId() + ": " + e.getMessage());
            notSent(held, "the push could not be prepared (" + e.getMessage() + ")");
        }
    }

    private void sent(Suggestion held, Authorization.Started s) {
        Instant now = clock.instant();
        Duration interval = s.interval().compareTo(MIN_INTERVAL) < 0 ? MIN_INTERVAL : s.interval();
        Instant expires = now.plus(s.expiresIn());
        requests.save(StepUpRequest.sent(held, s.authReqId(), interval, expires, now));
        notes.tell(held, DeviceNotes.PUSH, "Sent to your phone (Auth0 Guardian): approve there or here.");
    }

    /** The overlay stays the approver: recorded with the reason, and the devices are told. */
    private void notSent(Suggestion held, String why) {
        String note = "Not pushed to your phone: " + why + ". Approve here.";
        try {
            requests.save(StepUpRequest.notSent(held, why, clock.instant()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot record why " + held.approvalId() + " was not pushed", e);
        }
        notes.tell(held, DeviceNotes.OVERLAY, note);
    }

    private static String why(Authorization.NotStarted n) {
        return switch (n.why()) {
            case RATE_LIMITED -> "Auth0's limit of " + PUSHES_PER_MINUTE + " pushes a minute is reached";
            case NOT_ENROLLED -> "your account has no push enrolment (Auth0 Guardian) — " + n.detail();
            case REFUSED -> "Auth0 refused the request (" + n.detail() + ")";
            case UNREACHABLE -> "Auth0 is unavailable (" + n.detail() + ")";
        };
    }

    /** The pipeline's binding message if Auth0 accepts it, else one built again from the topic and the text. */
    static String binding(Suggestion held, String proposed) {
        return proposed != null && BINDING.matcher(proposed).matches()
                ? proposed
                : BindingMessage.of(held.topic(), held.text());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
