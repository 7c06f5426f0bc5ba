package app.proxyme.engine.adapter.ciba;

import app.proxyme.domain.approval.Suggestion;

/**
 * Tells the user's own devices (overlay, phone page) where an approval is being asked and why: the {@code approval}
 * message with {@code channel} ({@link #PUSH} or {@link #OVERLAY}) and a {@code note}.
 */
@FunctionalInterface
public interface DeviceNotes {
    /** The push reached Auth0: the phone asks too. */
    String PUSH = "push";
    /** No push: only the overlay and the phone page ask. */
    String OVERLAY = "overlay";

    void tell(Suggestion approval, String channel, String note);
}
