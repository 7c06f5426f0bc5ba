package app.proxyme.admin;

import app.proxyme.domain.policy.Effect;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A permission in words: "Junior AEs may answer security questions only after approval". */
final class Meaning {
    private Meaning() {}

    static String of(String role, String topic, Effect effect) {
        String who = holders(role);
        String what = topic.replace('_', ' ') + " questions";
        return switch (effect) {
            case AUTO -> who + " may answer " + what + " on their own";
            case APPROVE -> who + " may answer " + what + " only after approval";
            case DENY -> who + " may never answer " + what;
        };
    }

    /**
     * A cell with its condition, if it has one: "Account Executives may answer pricing questions on their own while
     * deal_size < 50000, otherwise only after approval". A condition lifts APPROVE or DENY to AUTO while it holds.
     */
    static String of(String role, String topic, Effect effect, java.util.Optional<String> condition) {
        if (condition.isEmpty() || effect == Effect.AUTO) {
            return of(role, topic, effect);
        }
        String otherwise = effect == Effect.APPROVE ? "only after approval" : "never";
        return holders(role) + " may answer " + topic.replace('_', ' ') + " questions on their own while "
                + condition.get() + ", otherwise " + otherwise;
    }

    /** {@code junior_ae} → "Junior AEs": short words are taken for abbreviations. */
    static String holders(String role) {
        return Arrays.stream(role.split("[_-]+"))
                        .filter(w -> !w.isEmpty())
                        .map(w -> w.length() <= 2
                                ? w.toUpperCase(Locale.ROOT)
                                : Character.toUpperCase(w.charAt(0)) + w.substring(1))
                        .collect(Collectors.joining(" "))
                + "s";
    }
}
