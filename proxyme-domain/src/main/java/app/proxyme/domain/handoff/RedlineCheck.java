package app.proxyme.domain.handoff;

import app.proxyme.domain.aci.AciError;
import app.proxyme.domain.aci.EnvelopeContent;
import app.proxyme.domain.aci.EnvelopeSafety;
import app.proxyme.domain.aci.HandoffRefused;
import app.proxyme.domain.decision.TopicScore;
import app.proxyme.domain.pipeline.Sentences;
import app.proxyme.domain.policy.OrgPolicy;
import app.proxyme.domain.port.out.TopicClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Check 9, {@code redlines}: the content is ranked by topic as a statement — as a whole and sentence by sentence, so
 * that one sentence about a forbidden topic is not outweighed by the rest — with the organisation's classifier. A red
 * line {@code no-<topic>} is crossed when the topic is ranked at least the policy's minimum confidence.
 */
final class RedlineCheck {
    private final TopicClassifier classifier;

    RedlineCheck(TopicClassifier classifier) {
        this.classifier = classifier;
    }

    /** The first red line the content crosses. */
    Optional<String> crossed(OrgPolicy policy, EnvelopeContent content, List<String> redlines) {
        if (redlines.isEmpty()) {
            return Optional.empty();
        }
        for (String redline : redlines) {
            if (!policy.catalog().contains(EnvelopeSafety.topicOf(redline))) {
                throw HandoffRefused.invalid("safety.redlines", redline + " names no topic of the organisation");
            }
        }
        var texts = new ArrayList<String>();
        texts.add(content.text());
        List<String> sentences = Sentences.of(content.text());
        if (sentences.size() > 1) {
            texts.addAll(sentences);
        }
        for (String text : texts) {
            List<TopicScore> ranked = classifier.rankAnswer(policy.catalog(), text);
            for (String redline : redlines) {
                String topic = EnvelopeSafety.topicOf(redline);
                boolean about = ranked.stream()
                        .anyMatch(s -> s.topic().equals(topic)
                                && s.confidence() >= policy.settings().minConfidence());
                if (about) {
                    return Optional.of(redline);
                }
            }
        }
        return Optional.empty();
    }

    static HandoffRefused refusal(String redline) {
        return new HandoffRefused(
                AciError.REDLINE, "the content is about a topic the chain must not touch", Map.of("redline", redline));
    }
}
