package app.proxyme.engine.audit;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.Ids;
import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditExport;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.audit.ExportQuery;
import app.proxyme.domain.audit.RevealScope;
import app.proxyme.domain.audit.ShareGrant;
import app.proxyme.domain.audit.ShareLink;
import app.proxyme.domain.audit.ShareRecord;
import app.proxyme.domain.audit.ShareRefused;
import app.proxyme.domain.audit.SharedRecord;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.ShareMeetingRecord;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.domain.port.out.ShareStore;
import app.proxyme.engine.audit.format.AuditJson;
import app.proxyme.engine.audit.seal.ShareTokens;
import app.proxyme.engine.meeting.MeetingRecords;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The use case "share a meeting's record": whoever may read a meeting (participants, the org admin, the
 * compliance reviewer) creates an expiring, signed, read-only link to it; opening the link shows the meeting's
 * timeline and offers its verifiable export. Links are stored, so that their creator (or the admin) can list and
 * revoke them, and a revocation holds on every instance. Creating, revoking and opening a link (the last at most
 * once a minute per link) are audit events of the meeting, recorded before the link changes.
 */
public final class MeetingShares implements ShareMeetingRecord {
    public static final int DEFAULT_TTL_MINUTES = 60;
    public static final int MAX_TTL_MINUTES = 10080;
    /** A link opened again and again is recorded once per this period. */
    static final Duration OPENING_RECORDED_EVERY = Duration.ofMinutes(1);

    private final ShareTokens tokens;
    private final ShareStore store;
    private final MeetingRecords records;
    private final AuditLog log;
    private final AuditTrail trail;
    private final Clock clock;

    public MeetingShares(
            ShareTokens tokens, ShareStore store, MeetingRecords records, AuditLog log, AuditTrail trail, Clock clock) {
        this.tokens = tokens;
        this.store = store;
        this.records = records;
        this.log = log;
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Creates a link to the meeting.
     *
     * @throws DomainException {@code NOT_FOUND} when the caller may not read the meeting, {@code BAD_REQUEST} for a
     *     lifetime outside 1..10080 minutes
     */
    @Override
    public ShareLink share(Member caller, String meetingId, Integer ttlMinutes) {
        if (meetingId == null || meetingId.isBlank()) {
            throw DomainException.badRequest("meetingId is required");
        }
        int ttl = ttlMinutes == null ? DEFAULT_TTL_MINUTES : ttlMinutes;
        if (ttl < 1 || ttl > MAX_TTL_MINUTES) {
            throw DomainException.badRequest("ttlMinutes must be between 1 and " + MAX_TTL_MINUTES);
        }
        records.requireVisible(caller, meetingId);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(Duration.ofMinutes(ttl)).truncatedTo(ChronoUnit.SECONDS);
        var grant = new ShareGrant(caller.org(), meetingId, expiresAt, Ids.next("sh"));
        var detail = new LinkedHashMap<String, Object>();
        detail.put("shareId", grant.shareId());
        detail.put("ttlMinutes", ttl);
        detail.put("expiresAt", AuditJson.timestamp(expiresAt));
        log.append(List.of(new AuditEntry(
                AuditType.SHARE_CREATED,
                caller.org(),
                meetingId,
                caller.email(),
                caller.email(),
                null,
                null,
                null,
                detail)));
        store.save(new ShareRecord(
                grant.shareId(),
                caller.org(),
                meetingId,
                caller.email(),
                now,
                expiresAt,
                null,
                RevealScope.of(caller).member()));
        return new ShareLink("/share/" + tokens.issue(grant), grant.shareId(), expiresAt);
    }

    @Override
    public List<ShareRecord> list(Member caller) {
        return store.list(caller.org(), Access.allows(caller, Capability.MANAGE_SHARES) ? null : caller.email());
    }

    @Override
    public void revoke(Member caller, String shareId) {
        ShareRecord share = shareId == null
                ? null
                : store.find(shareId)
                        .filter(s -> s.org().equals(caller.org()))
                        .filter(s ->
                                s.createdBy().equals(caller.email()) || Access.allows(caller, Capability.MANAGE_SHARES))
                        .orElse(null);
        if (share == null) {
            throw DomainException.notFound("no share link " + shareId);
        }
        if (share.revokedAt() != null) {
            throw DomainException.conflict("share link " + shareId + " was revoked already");
        }
        log.append(List.of(new AuditEntry(
                AuditType.SHARE_REVOKED,
                share.org(),
                share.meetingId(),
                caller.email(),
                caller.email(),
                null,
                null,
                null,
                java.util.Map.of("shareId", shareId))));
        if (!store.revoke(shareId, clock.instant())) {
            throw DomainException.conflict("share link " + shareId + " was revoked already");
        }
    }

    /** The stored link of a token that opens now: signed by us, not expired, stored and not revoked. */
    private ShareRecord honoured(String token) {
        ShareGrant grant = tokens.check(token);
        return store.find(grant.shareId())
                .filter(s -> s.opensAt(clock.instant()))
                .orElseThrow(() -> new ShareRefused(ShareRefused.Reason.REVOKED));
    }

    /**
     * Opens a link: records the opening (at most once a minute per link), then returns the meeting's events.
     *
     * @throws ShareRefused for a forged, expired or revoked link
     */
    @Override
    public SharedRecord open(String token) {
        ShareRecord share = honoured(token);
        ShareGrant grant = new ShareGrant(share.org(), share.meetingId(), share.expiresAt(), share.shareId());
        if (store.claimOpening(grant.shareId(), clock.instant(), OPENING_RECORDED_EVERY)) {
            try {
                log.append(List.of(new AuditEntry(
                        AuditType.SHARE_OPENED,
                        grant.org(),
                        grant.meeting(),
                        null,
                        "share:" + grant.shareId(),
                        null,
                        null,
                        null,
                        java.util.Map.of("shareId", grant.shareId()))));
            } catch (RuntimeException e) {
                // not recorded, so not shown: the next opening must be recorded
                store.forgetOpening(grant.shareId());
                throw e;
            }
        }
        return new SharedRecord(
                grant,
                log.meeting(grant.org(), grant.meeting()).stream()
                        .map(share.scope()::apply)
                        .toList());
    }

    /**
     * The meeting's verifiable export (by {@code meetingPrev}) for the link's viewer; recorded as an export.
     *
     * @throws ShareRefused for a forged, expired or revoked link
     */
    @Override
    public AuditExport export(String token) {
        ShareRecord share = honoured(token);
        return trail.exportFor(
                share.org(),
                "share:" + share.shareId(),
                new ExportQuery("jsonl", null, null, null, null, share.meetingId()),
                share.scope());
    }
}
