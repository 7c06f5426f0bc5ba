package app.proxyme.domain.port.out;

import app.proxyme.domain.audit.ShareRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Share links as stored, so that a revocation holds on every instance sharing the database. */
public interface ShareStore {
    void save(ShareRecord share);

    Optional<ShareRecord> find(String shareId);

    /** The organisation's links, newest first; only those {@code createdBy} created unless it is {@code null}. */
    List<ShareRecord> list(String org, String createdBy);

    /** Marks the link revoked at {@code at}; false when it does not exist or was revoked before. */
    boolean revoke(String shareId, Instant at);

    /**
     * Claims the recording of an opening of the link at {@code at}: true at most once per {@code every} per link
     * (across instances), so that a link opened in a loop is audited once a minute, not once per request.
     */
    boolean claimOpening(String shareId, Instant at, Duration every);

    /** Gives up the last claim (its opening could not be recorded), so that the next opening is recorded. */
    void forgetOpening(String shareId);
}
