package app.proxyme.engine.adapter.ciba;

import java.time.Duration;

/** What {@code POST /bc-authorize} answered. */
sealed interface Authorization {
    /** The push is on its way: poll {@code authReqId} every {@code interval} until {@code expiresIn} has passed. */
    record Started(String authReqId, Duration expiresIn, Duration interval) implements Authorization {}

    /** No push was sent; the overlay stays the approver. */
    record NotStarted(Why why, String detail) implements Authorization {}

    /** Why no push was sent. */
    enum Why {
        /** 429: Auth0's limit (5 pushes a minute per user, or the tenant's). */
        RATE_LIMITED,
        /** {@code invalid_request}: typically a user without push enrolment (Guardian). */
        NOT_ENROLLED,
        /** Any other refusal ({@code invalid_client}, {@code unauthorized_client}, ...). */
        REFUSED,
        /** Network failure, timeout or 5xx. */
        UNREACHABLE
    }
}
