package app.proxyme.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.Ids;
import app.proxyme.domain.audit.ShareRecord;
import app.proxyme.domain.port.out.ShareStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ShareStore} promises: a link is found as saved; an organisation's links are listed newest first,
 * all of them or one creator's; a link is revoked once; and the opening of a link is claimed at most once per period
 * (a claim given up is available again). Extended once per adapter.
 */
public abstract class ShareStoreContractTest {
    /** The store under test. */
    protected abstract ShareStore store();

    private final String org = Contracts.freshOrg();
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private ShareRecord share(String by, Instant createdAt) {
        return new ShareRecord(Ids.next("sh"), org, "m1", by, createdAt, createdAt.plus(Duration.ofHours(1)), null, by);
    }

    @Test
    void a_link_is_found_as_saved_and_listed_newest_first_per_organisation_and_creator() {
        var older = share("se@acme.test", now.minusSeconds(10));
        var newer = share("se@acme.test", now);
        var others = share("ae@acme.test", now.minusSeconds(5));
        List.of(older, newer, others).forEach(store()::save);

        assertEquals(older, store().find(older.shareId()).orElseThrow());
        assertTrue(store().find("sh_unknown").isEmpty());
        assertEquals(List.of(newer, others, older), store().list(org, null));
        assertEquals(List.of(newer, older), store().list(org, "se@acme.test"));
        assertEquals(List.of(), store().list(Contracts.freshOrg(), null), "another organisation's links are apart");
    }

    @Test
    void a_link_is_revoked_once() {
        var link = share("se@acme.test", now);
        store().save(link);

        assertTrue(store().revoke(link.shareId(), now.plusSeconds(1)));
        assertFalse(store().revoke(link.shareId(), now.plusSeconds(2)), "revoked before");
        assertFalse(store().revoke("sh_unknown", now));
        var revoked = store().find(link.shareId()).orElseThrow();
        assertEquals(now.plusSeconds(1), revoked.revokedAt());
        assertFalse(revoked.opensAt(now.plusSeconds(3)));
    }

    @Test
    void an_opening_is_claimed_at_most_once_per_period_and_a_claim_given_up_is_free_again() {
        var link = share("se@acme.test", now);
        store().save(link);
        Duration minute = Duration.ofMinutes(1);

        assertTrue(store().claimOpening(link.shareId(), now, minute));
        assertFalse(store().claimOpening(link.shareId(), now.plusSeconds(30), minute));
        assertTrue(store().claimOpening(link.shareId(), now.plusSeconds(61), minute), "a minute later");

        store().forgetOpening(link.shareId());
        assertTrue(store().claimOpening(link.shareId(), now.plusSeconds(62), minute), "given up: free again");
        assertFalse(store().claimOpening("sh_unknown", now, minute));
    }
}
