package app.proxyme.domain.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * A person of an organisation and the one role they hold in it.
 *
 * @param email the user's identity ({@code jae@acme.test}), stored lower case
 * @param org the organisation
 * @param role the role ({@code junior_ae}, {@code org_admin}, {@code compliance_reviewer}, ...)
 * @param displayName how the overlay names the user
 */
public record Member(String email, String org, String role, String displayName) {
    public static final String ORG_ADMIN = "org_admin";
    public static final String COMPLIANCE_REVIEWER = "compliance_reviewer";

    public Member {
        Objects.requireNonNull(email, "email");
        email = email.trim().toLowerCase(Locale.ROOT);
        if (!email.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
        OrgId.require(org);
        Objects.requireNonNull(role, "role");
        displayName = displayName == null || displayName.isBlank() ? email : displayName;
    }
}
