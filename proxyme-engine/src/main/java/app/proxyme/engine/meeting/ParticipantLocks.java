package app.proxyme.engine.meeting;

import app.proxyme.domain.policy.Member;

/**
 * One lock per participant and meeting (striped), so that a check, its audit event and its write do not interleave
 * with another change of the same participant in this process.
 */
final class ParticipantLocks {
    private final Object[] locks = new Object[64];

    ParticipantLocks() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    Object of(Member member, String meetingId) {
        int h = (member.org() + "\u0000" + meetingId + "\u0000" + member.email()).hashCode();
        return locks[Math.floorMod(h, locks.length)];
    }
}
