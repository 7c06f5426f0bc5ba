package app.proxyme.domain.policy;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A topic of an organisation's catalogue.
 *
 * @param id short identifier ({@code pricing}); lower case letters, digits and underscores
 * @param description what the topic covers, in the organisation's words (the classifier reads it)
 * @param examples example utterances on the topic (the classifier learns from them)
 * @param playbook approved answers for the embedded generator
 */
public record Topic(String id, String description, List<String> examples, List<String> playbook) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public Topic {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("topic id must match " + ID.pattern() + ": " + id);
        }
        description = Objects.requireNonNullElse(description, "");
        examples = List.copyOf(Objects.requireNonNullElse(examples, List.of()));
        playbook = List.copyOf(Objects.requireNonNullElse(playbook, List.of()));
    }
}
