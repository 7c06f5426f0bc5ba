package app.proxyme.domain.audit;

import java.time.Instant;

/** A created share link: its path ({@code /share/<token>}), its id (to list and revoke it) and its expiry. */
public record ShareLink(String url, String shareId, Instant expiresAt) {}
