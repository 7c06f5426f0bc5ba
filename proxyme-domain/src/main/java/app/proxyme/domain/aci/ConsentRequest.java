package app.proxyme.domain.aci;

import java.util.Map;
import java.util.Objects;

/**
 * A consent as its user is asked it: the receiving agent's name and each asked permission's description (from the
 * organisation's policy file).
 *
 * @param descriptions the organisation's permissions with their descriptions (those asked for among them)
 */
public record ConsentRequest(Consent consent, String agentName, Map<String, String> descriptions) {
    public ConsentRequest {
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(agentName, "agentName");
        descriptions = Map.copyOf(descriptions);
    }
}
