package app.proxyme.admin;

import java.util.Arrays;
import java.util.List;

/** A list edited as one entry a line (examples, playbook answers, phrases). */
final class Lines {
    private Lines() {}

    static List<String> of(String text) {
        return text == null
                ? List.of()
                : Arrays.stream(text.split("\\R"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
    }

    static String join(List<String> lines) {
        return String.join("\n", lines);
    }
}
