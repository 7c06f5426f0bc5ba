package app.proxyme.domain.audit;

import app.proxyme.domain.DomainException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The parameters of {@code GET /api/audit/export} (PROTOCOL.md), validated: all optional.
 *
 * @param format {@code jsonl} (default) or {@code csv}
 * @param from the first instant, inclusive, or {@code null}
 * @param to the instant after the last, exclusive, or {@code null}
 * @param fromSeq the first {@code seq}, or {@code null}
 * @param toSeq the last {@code seq}, or {@code null}
 * @param meeting one meeting only, or {@code null}
 */
public record ExportQuery(String format, Instant from, Instant to, Long fromSeq, Long toSeq, String meeting) {
    public ExportQuery {
        format = format == null || format.isBlank() ? "jsonl" : format.toLowerCase(Locale.ROOT);
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw DomainException.badRequest("format must be jsonl or csv");
        }
        if ((fromSeq != null && fromSeq < 1) || (toSeq != null && toSeq < 1)) {
            throw DomainException.badRequest("fromSeq and toSeq start at 1");
        }
        meeting = meeting == null || meeting.isBlank() ? null : meeting;
    }

    /** The query from the request's text parameters; bad values are a {@code BAD_REQUEST}. */
    public static ExportQuery parse(
            String format, String from, String to, String fromSeq, String toSeq, String meeting) {
        return new ExportQuery(
                format,
                instant("from", from),
                instant("to", to),
                number("fromSeq", fromSeq),
                number("toSeq", toSeq),
                meeting);
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw DomainException.badRequest(name + " is not an ISO-8601 date-time: " + text);
        }
    }

    private static Long number(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw DomainException.badRequest(name + " is not a number: " + text);
        }
    }

    public boolean hasTimeRange() {
        return from != null || to != null;
    }
}
