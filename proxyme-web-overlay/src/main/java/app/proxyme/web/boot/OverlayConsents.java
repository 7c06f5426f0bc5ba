package app.proxyme.web.boot;

import app.proxyme.domain.aci.ConsentRequest;
import app.proxyme.domain.port.out.ConsentNotifier;
import app.proxyme.web.app.MeetingHub;
import app.proxyme.web.app.Messages;

/**
 * Consents reach their user as {@code consent} messages on every connection they have open, on any instance (the
 * overlay's card with Allow / Allow once / Deny, the phone page); a settled one is sent again with its status, so
 * that every card of it closes.
 */
final class OverlayConsents implements ConsentNotifier {
    private final MeetingHub hub;

    OverlayConsents(MeetingHub hub) {
        this.hub = hub;
    }

    @Override
    public void asked(ConsentRequest request) {
        send(request);
    }

    @Override
    public void settled(ConsentRequest request) {
        send(request);
    }

    private void send(ConsentRequest request) {
        hub.toUser(request.consent().org(), request.consent().user(), Messages.consent(request));
    }
}
