package app.proxyme.domain.approval;

import java.util.Locale;

/**
 * The short text shown on both the overlay and the phone when approval is asked: topic and a preview of the
 * answer, at most 64 characters of {@code [A-Za-z0-9+\-_.,:#]} (what Auth0 CIBA accepts).
 */
public final class BindingMessage {
    public static final int MAX = 64;

    private BindingMessage() {}

    public static String of(String topic, String text) {
        String head = "Approve:" + clean(topic) + ":";
        StringBuilder preview = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String w = clean(word);
            if (w.isEmpty()) {
                continue;
            }
            int extra = (preview.isEmpty() ? 0 : 1) + w.length();
            if (head.length() + preview.length() + extra > MAX) {
                break;
            }
            if (!preview.isEmpty()) {
                preview.append('-');
            }
            preview.append(w);
        }
        String message = head + preview;
        return message.length() > MAX ? message.substring(0, MAX) : message;
    }

    private static String clean(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+_.,#-]", "");
    }
}
