package app.proxyme.domain.chunk;

import app.proxyme.domain.policy.OrgId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A piece of transcript sent by a participant.
 *
 * @param org the sender's organisation
 * @param meetingId the meeting, unique within the organisation
 * @param seq the sender's sequence number for it
 * @param speaker who spoke, as labelled by the sender
 * @param text what was said: untrusted data
 */
public record Chunk(String org, String meetingId, long seq, String speaker, String text) {
    public static final int MAX_TEXT = 4000;
    public static final Pattern MEETING_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public Chunk {
        OrgId.require(org);
        if (meetingId == null || !MEETING_ID.matcher(meetingId).matches()) {
            throw new IllegalArgumentException("meeting id must be 1-64 characters of [A-Za-z0-9_-]");
        }
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text longer than " + MAX_TEXT + " characters");
        }
        speaker = speaker == null ? "" : speaker;
    }
}
