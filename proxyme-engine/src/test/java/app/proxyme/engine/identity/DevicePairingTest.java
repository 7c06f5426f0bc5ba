package app.proxyme.engine.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.proxyme.domain.DependencyUnavailableException;
import app.proxyme.domain.audit.AuditEntry;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.PairDevice;
import app.proxyme.domain.port.out.AuditLog;
import app.proxyme.engine.adapter.jose.DeviceTokenIssuer;
import app.proxyme.engine.adapter.jose.EmbeddedIdentity;
import app.proxyme.engine.adapter.jpa.Database;
import app.proxyme.engine.keys.KeyRing;
import app.proxyme.engine.policy.PolicySeeder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pairing a phone on a real (H2) database: single use, expiry, audit first, and what the phone's token opens. */
class DevicePairingTest {
    @TempDir
    Path dir;

    private Database db;
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private KeyRing keys;
    private DevicePairing pairing;
    private Member ae;

    @BeforeEach
    void open() {
        db = Database.open(Database.h2FileUrl(dir), "sa", "");
        new PolicySeeder(db.policyAdmin()).seed();
        keys = KeyRing.ephemeral("identity", KeyRing.Kind.RSA, clock);
        pairing = new DevicePairing(
                db.pairingCodes(),
                new DeviceTokenIssuer(keys, db.policyStore(), clock),
                db.policyStore(),
                db.auditLog(clock),
                clock);
        ae = db.policyStore().member("ae@acme.test").orElseThrow();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_code_redeems_once_for_a_token_of_its_member_that_no_sign_in_accepts() {
        PairDevice.Pairing p = pairing.start(ae);
        assertEquals(32, p.code().length());
        assertEquals(clock.instant().plus(DevicePairing.CODE_LIFETIME), p.expiresAt());
        assertFalse(p.toString().contains(p.code()), "the code is never printed");

        var phone = pairing.redeem(p.code()).orElseThrow();
        assertEquals(ae, phone.member());
        assertTrue(pairing.redeem(p.code()).isEmpty(), "used");

        var devices = new DeviceTokenIssuer(keys, db.policyStore(), clock);
        assertEquals(ae, devices.verify(phone.token()).orElseThrow());
        var signIn = new EmbeddedIdentity(keys, db.policyStore(), clock);
        assertTrue(signIn.verify(phone.token()).isEmpty(), "a device token is no sign-in, even with the same keys");
        String userToken = signIn.login("ae@acme.test").orElseThrow().token();
        assertTrue(devices.verify(userToken).isEmpty(), "and a sign-in is no device token");
    }

    @Test
    void an_expired_or_made_up_code_redeems_nothing() {
        PairDevice.Pairing p = pairing.start(ae);
        clock.move(DevicePairing.CODE_LIFETIME.plusSeconds(1));
        assertTrue(pairing.redeem(p.code()).isEmpty(), "expired");
        assertTrue(pairing.redeem("x".repeat(32)).isEmpty());
        assertTrue(pairing.redeem("../../etc/passwd").isEmpty());
        assertTrue(pairing.redeem(null).isEmpty());
        PairDevice.Pairing fresh = pairing.start(ae);
        assertNotEquals(p.code(), fresh.code());
        assertTrue(pairing.redeem(fresh.code()).isPresent(), "a new code works");
    }

    @Test
    void both_steps_are_audited_under_one_pairing_id_and_the_code_is_not() {
        PairDevice.Pairing p = pairing.start(ae);
        pairing.redeem(p.code()).orElseThrow();
        List<AuditRecord> events = db.auditEvents("acme", 1, Long.MAX_VALUE);
        var created = events.stream()
                .filter(e -> e.entry().type() == AuditType.PAIRING_CREATED)
                .findFirst()
                .orElseThrow();
        var paired = events.stream()
                .filter(e -> e.entry().type() == AuditType.DEVICE_PAIRED)
                .findFirst()
                .orElseThrow();
        assertEquals("ae@acme.test", created.entry().user());
        assertEquals(
                created.entry().detail().get("pairingId"),
                paired.entry().detail().get("pairingId"));
        assertFalse(events.toString().contains(p.code()));
    }

    @Test
    void when_the_audit_trail_is_down_no_code_is_stored_or_shown() {
        var failing = pairingRecordingTo(new SwitchableAudit(db.auditLog(clock), true));
        assertThrows(DependencyUnavailableException.class, () -> failing.start(ae));
        assertEquals(0, db.pairingCodes().forgetExpired(clock.instant().plus(Duration.ofDays(1))), "nothing stored");
    }

    @Test
    void a_code_whose_pairing_cannot_be_recorded_hands_out_nothing_and_works_again_once_the_trail_does() {
        var audit = new SwitchableAudit(db.auditLog(clock), false);
        var phone = pairingRecordingTo(audit);
        PairDevice.Pairing p = phone.start(ae);

        audit.down = true;
        assertThrows(DependencyUnavailableException.class, () -> phone.redeem(p.code()));

        audit.down = false;
        assertEquals(ae, phone.redeem(p.code()).orElseThrow().member(), "the same code, unused");
        assertTrue(phone.redeem(p.code()).isEmpty(), "and then used");
    }

    private DevicePairing pairingRecordingTo(AuditLog audit) {
        return new DevicePairing(
                db.pairingCodes(),
                new DeviceTokenIssuer(keys, db.policyStore(), clock),
                db.policyStore(),
                audit,
                clock);
    }

    /** The real trail, or one that is down. */
    private static final class SwitchableAudit implements AuditLog {
        private final AuditLog real;
        volatile boolean down;

        SwitchableAudit(AuditLog real, boolean down) {
            this.real = real;
            this.down = down;
        }

        @Override
        public List<AuditRecord> append(List<AuditEntry> entries) {
            if (down) {
                throw new DependencyUnavailableException(AuditLog.DEPENDENCY, "down", null);
            }
            return real.append(entries);
        }

        @Override
        public List<AuditRecord> meeting(String org, String meetingId) {
            return real.meeting(org, meetingId);
        }
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
