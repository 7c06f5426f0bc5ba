package app.proxyme.domain.port.out;

import app.proxyme.domain.aci.ConsentRequest;

/**
 * Tells a user's open overlays and phone page, wherever they are connected, of a consent asked for them and of its
 * end (allowed, denied, expired). Told after the consent is durable: a user who is not connected finds it when they
 * connect (or through {@code GET /api/aci/consents}).
 */
public interface ConsentNotifier {
    /** Tells no one (no overlay in this runtime, and tests). */
    ConsentNotifier NONE = new ConsentNotifier() {
        @Override
        public void asked(ConsentRequest request) {}

        @Override
        public void settled(ConsentRequest request) {}
    };

    /** A consent now pending. */
    void asked(ConsentRequest request);

    /** A consent no longer pending ({@code request.consent().status()} says how it ended). */
    void settled(ConsentRequest request);
}
