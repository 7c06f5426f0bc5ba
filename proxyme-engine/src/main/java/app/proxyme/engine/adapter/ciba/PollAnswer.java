package app.proxyme.engine.adapter.ciba;

import java.time.Duration;

/** What one poll of {@code POST /oauth/token} with the CIBA grant answered. */
sealed interface PollAnswer {
    /** 200 with tokens: the user approved (the tokens themselves are not kept). */
    record Approved() implements PollAnswer {}

    /** {@code authorization_pending}: ask again after the interval. */
    record Pending() implements PollAnswer {}

    /** {@code slow_down}: the interval the server asks for, and its {@code Retry-After}; each {@code null} if absent. */
    record SlowDown(Duration interval, Duration retryAfter) implements PollAnswer {}

    /** {@code access_denied}: the user denied it, or it expired (Auth0 uses one code for both). */
    record Denied(String description) implements PollAnswer {}

    /** {@code expired_token}: the request expired unanswered. */
    record Expired() implements PollAnswer {}

    /** 429: wait {@code retryAfter} ({@code null}: not said). */
    record RateLimited(Duration retryAfter) implements PollAnswer {}

    /** A terminal error ({@code invalid_grant}, {@code invalid_client}, ...): the request cannot be answered. */
    record Refused(String error, String description) implements PollAnswer {
        String reason() {
            return description == null || description.isBlank() ? error : error + ": " + description;
        }
    }

    /** Network failure, timeout or 5xx: poll again later. */
    record Unreachable(String reason) implements PollAnswer {}
}
