package app.proxyme.engine.audit;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.Ids;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditExport;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.audit.ExportQuery;
import app.proxyme.domain.audit.ShareGrant;
import app.proxyme.domain.audit.ShareLink;
import app.proxyme.domain.audit.ShareRefused;
import app.proxyme.domain.audit.SharedRecord;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.ShareMeetingRecord;
import app.proxyme.domain.port.out.AuditLog;
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
 * timeline and offers its verifiable export. Creating and opening a link are audit events of the meeting.
 */
public final class MeetingShares implements ShareMeetingRecord {
    public static final int DEFAULT_TTL_MINUTES = 60;
    public static final int MAX_TTL_MINUTES = 10080;

    private final ShareTokens tokens;
    private final MeetingRecords records;
    private final AuditLog log;
    private final AuditTrail trail;
    private final Clock clock;

    public MeetingShares(ShareTokens tokens, MeetingRecords records, AuditLog log, AuditTrail trail, Clock clock) {
        this.tokens = tokens;
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
        Instant expiresAt = clock.instant().plus(Duration.ofMinutes(ttl)).truncatedTo(ChronoUnit.SECONDS);
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
        return new ShareLink("/share/" + tokens.issue(grant), expiresAt);
    }

    /**
     * Opens a link: records the opening, then returns the meeting's events (the opening included).
     *
     * @throws ShareRefused for a forged or expired link
     */
    @Override
    public SharedRecord open(String token) {
        ShareGrant grant = tokens.check(token);
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
        return new SharedRecord(grant, log.meeting(grant.org(), grant.meeting()));
    }

    /**
     * The meeting's verifiable export (by {@code meetingPrev}) for the link's viewer; recorded as an export.
     *
     * @throws ShareRefused for a forged or expired link
     */
    @Override
    public AuditExport export(String token) {
        ShareGrant grant = tokens.check(token);
        return trail.exportFor(
                grant.org(),
                "share:" + grant.shareId(),
                new ExportQuery("jsonl", null, null, null, null, grant.meeting()));
    }
}
