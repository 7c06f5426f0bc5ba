package app.proxyme.domain.audit;

import java.time.Instant;

/** A created share link: its path ({@code /share/<token>}) and expiry. */
public record ShareLink(String url, Instant expiresAt) {}
