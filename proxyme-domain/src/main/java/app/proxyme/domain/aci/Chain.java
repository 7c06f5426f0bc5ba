package app.proxyme.domain.aci;

import java.time.Instant;

/** A chain as started: by whom, for which meeting (its audit and share pages), and whether it was revoked. */
public record Chain(String org, String chainId, String user, String meetingId, Instant startedAt, boolean revoked) {}
