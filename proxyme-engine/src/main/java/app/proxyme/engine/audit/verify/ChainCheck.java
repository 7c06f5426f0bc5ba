package app.proxyme.engine.audit.verify;

import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.ChainVerdict;
import app.proxyme.engine.audit.format.AuditJson;
import java.util.Objects;

/**
 * Checks a sequence of events, oldest first, as a hash chain. Every event must hash to its stored {@code hash}.
 * As an organisation's chain ({@code prev}), {@code seq} must grow by one and each {@code prev} name the previous
 * hash; a chain starting at {@code seq} 1 starts at genesis, a later start is a range (or what retention left after
 * a checkpoint). As one meeting's export ({@code meetingPrev}), every event belongs to the meeting, {@code seq}
 * grows, each {@code meetingPrev} names the previous hash and the first names genesis — or, for a meeting that
 * retention cut, the hash that a checkpoint carried ahead of the meeting's events (in the same file) vouches for as
 * the meeting's last pruned event. In {@link Mode#ANY} both
 * readings are tried at once and the one that holds wins (the meeting's when both do); if neither does, the one
 * that got further is reported.
 * With an expected head, the last hash must equal it (a truncated tail otherwise).
 */
public final class ChainCheck {
    /** Which linking to check. */
    public enum Mode {
        ORGANISATION,
        MEETING,
        ANY
    }

    /** Checks a checkpoint's signature (offline: against the published checkpoint keys). */
    @FunctionalInterface
    public interface SealCheck {
        boolean valid(ChainLink.Checkpoint checkpoint);
    }

    private final Mode mode;
    private final SealCheck sealCheck;
    private long events;
    private ChainLink first;
    private ChainLink sealedBy;
    private Break sealBreak;
    private ChainLink last;
    private String meeting;
    private ChainLink meetingLast;
    private final java.util.List<ChainLink> meetingPreamble = new java.util.ArrayList<>();
    private ChainLink meetingSealedBy;
    private Break meetingSealBreak;
    private Break hashBreak;
    private Break orgBreak;
    private Break meetingBreak;

    private record Break(ChainLink link, long position, String reason) {}

    public ChainCheck(Mode mode) {
        this(mode, null);
    }

    /**
     * @param sealCheck checks checkpoint signatures; with one, a chain that starts after {@code seq} 1 must be
     *     vouched for by a checkpoint with a valid signature; {@code null} accepts such a start as a range
     */
    public ChainCheck(Mode mode, SealCheck sealCheck) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.sealCheck = sealCheck;
    }

    /** Takes the next event. */
    public void accept(ChainLink link) {
        events++;
        if (first == null) {
            first = link;
        }
        ChainLink.Checkpoint cp = link.checkpoint();
        if (sealedBy == null
                && cp != null
                && first.seq() > 1
                && cp.lastPrunedSeq() == first.seq() - 1
                && cp.lastPrunedHash().equals(first.prev())) {
            sealedBy = link;
            if (sealCheck != null && sealBreak == null && !sealCheck.valid(cp)) {
                sealBreak = new Break(link, events, "the checkpoint's signature is not valid for the checkpoint keys");
            }
        }
        if (hashBreak == null && !link.hash().equals(link.actualHash())) {
            hashBreak = new Break(link, events, "content does not match its hash (an edited field)");
        }
        if (hashBreak == null && !link.revealMatches()) {
            hashBreak = new Break(link, events, "its reveal does not match its textDigest (an edited hidden text)");
        }
        if (orgBreak == null && mode != Mode.MEETING) {
            String why = orgProblem(link);
            if (why != null) {
                orgBreak = new Break(link, events, why);
            }
        }
        if (meetingBreak == null && mode != Mode.ORGANISATION) {
            String why = meetingProblem(link);
            if (why != null) {
                meetingBreak = new Break(link, events, why);
            }
        }
        last = link;
    }

    private String orgProblem(ChainLink link) {
        if (last == null) {
            return link.seq() == 1 && !AuditRecord.GENESIS.equals(link.prev())
                    ? "the first event (seq 1) does not link to genesis"
                    : null;
        }
        if (link.seq() != last.seq() + 1) {
            return "seq " + link.seq() + " follows seq " + last.seq() + " (an event deleted or reordered)";
        }
        if (!last.hash().equals(link.prev())) {
            return "prev does not name the previous event's hash";
        }
        return null;
    }

    private String meetingProblem(ChainLink link) {
        if (meetingLast == null && link.meeting() == null && link.checkpoint() != null) {
            meetingPreamble.add(link); // carried ahead of a pruned meeting's events, to vouch for where they start
            return null;
        }
        if (link.meeting() == null || (meeting != null && !meeting.equals(link.meeting()))) {
            return "not an event of meeting " + (meeting == null ? "(none)" : meeting);
        }
        ChainLink previous = meetingLast;
        meetingLast = link;
        if (previous == null) {
            meeting = link.meeting();
            if (AuditRecord.GENESIS.equals(link.meetingPrev())) {
                return null;
            }
            for (ChainLink cp : meetingPreamble) {
                var vouched = cp.checkpoint().meetings();
                if (vouched != null && link.meetingPrev().equals(vouched.get(meeting))) {
                    meetingSealedBy = cp;
                    if (sealCheck != null && !sealCheck.valid(cp.checkpoint())) {
                        meetingSealBreak =
                                new Break(cp, 1, "the checkpoint's signature is not valid for the checkpoint keys");
                    }
                    return null;
                }
            }
            return meetingPreamble.isEmpty()
                    ? "the meeting's first event does not link to genesis"
                    : "the meeting's first event links neither to genesis nor to what a checkpoint in the file"
                            + " vouches for";
        }
        if (link.seq() <= previous.seq()) {
            return "seq " + link.seq() + " follows seq " + previous.seq() + " (reordered)";
        }
        if (!previous.hash().equals(link.meetingPrev())) {
            return "meetingPrev does not name the previous event's hash (an event deleted or reordered)";
        }
        return null;
    }

    /** The verdict on what was read; {@code expectedHead} may be {@code null}. */
    public ChainVerdict verdict(String expectedHead) {
        if (events == 0) {
            return new ChainVerdict(false, 0, null, null, null, 0, 0, "no events");
        }
        if (mode != Mode.ORGANISATION && meetingLast == null && meetingBreak == null) {
            meetingBreak = new Break(first, 1, "no event of a meeting, only checkpoints");
        }
        String by;
        Break linkBreak;
        boolean byPrev = switch (mode) {
            case ORGANISATION -> true;
            case MEETING -> false;
            // one meeting's events that also link by prev (written back to back) count as the meeting's export
            case ANY -> meetingBreak != null && (orgBreak == null || orgBreak.position() >= meetingBreak.position());
        };
        if (byPrev) {
            by = "prev";
            linkBreak = orgBreak;
        } else {
            by = "meetingPrev";
            linkBreak = meetingBreak;
        }
        Break first = linkBreak;
        if (hashBreak != null && (first == null || hashBreak.position() <= first.position())) {
            first = hashBreak;
        }
        Break seal = byPrev ? sealBreak : meetingSealBreak;
        if (seal != null && (first == null || seal.position() <= first.position())) {
            first = seal;
        }
        String anchor = anchor(byPrev);
        if (first == null && byPrev && sealCheck != null && this.first.seq() > 1 && sealedBy == null) {
            first = new Break(
                    this.first,
                    1,
                    "the chain starts at seq " + this.first.seq()
                            + " and no checkpoint in the file vouches for what precedes it");
        }
        if (first == null && expectedHead != null && !expectedHead.equals(last.hash())) {
            first = new Break(last, events, "the last event's hash is not the expected head (a truncated tail)");
        }
        if (first == null) {
            return new ChainVerdict(true, events, last.hash(), by, null, 0, 0, null, anchor);
        }
        return new ChainVerdict(
                false,
                events,
                last.hash(),
                by,
                first.link().id(),
                first.link().seq(),
                first.position(),
                first.reason(),
                anchor);
    }

    private String anchor(boolean byPrev) {
        if (!byPrev) {
            if (meetingSealedBy == null) {
                return "genesis";
            }
            return "checkpoint seq " + meetingSealedBy.seq() + " (vouches for where meeting " + meeting
                    + "'s remaining events start; signature "
                    + (sealCheck == null ? "not checked: pass the checkpoint keys" : "valid") + ")";
        }
        if (first.seq() == 1) {
            return "genesis";
        }
        if (sealedBy != null) {
            return "checkpoint seq " + sealedBy.seq() + " (pruned through seq " + (first.seq() - 1) + "; signature "
                    + (sealCheck == null ? "not checked: pass the checkpoint keys" : "valid") + ")";
        }
        return "seq " + first.seq() + " (a range: its start is taken on trust)";
    }

    /** The link of a stored record, its hash recomputed with {@link AuditJson#hash(AuditRecord)}. */
    public static ChainLink linkOf(AuditRecord r) {
        return new ChainLink(
                r.id(),
                r.seq(),
                r.entry().meeting(),
                r.prev(),
                r.meetingPrev(),
                r.hash(),
                AuditJson.hash(r),
                checkpointOf(r),
                r.revealMatches());
    }

    /** What a stored {@code checkpoint} event vouches for, or {@code null} (another type, or not a checkpoint). */
    public static ChainLink.Checkpoint checkpointOf(AuditRecord r) {
        if (r.entry().type() != app.proxyme.domain.audit.AuditType.CHECKPOINT) {
            return null;
        }
        var d = r.entry().detail();
        if (!(d.get("lastPrunedSeq") instanceof Number seq) || !(d.get("lastPrunedHash") instanceof String hash)) {
            return null;
        }
        java.util.TreeMap<String, String> meetings = null;
        if (d.get("meetings") instanceof java.util.Map<?, ?> m) {
            meetings = new java.util.TreeMap<>();
            for (var e : m.entrySet()) {
                if (e.getKey() instanceof String meeting && e.getValue() instanceof String h) {
                    meetings.put(meeting, h);
                } else {
                    meetings = null;
                    break;
                }
            }
        }
        return new ChainLink.Checkpoint(
                r.entry().org(),
                seq.longValue(),
                hash,
                meetings,
                d.get("keyId") instanceof String k ? k : null,
                d.get("signature") instanceof String sig ? sig : null);
    }
}
