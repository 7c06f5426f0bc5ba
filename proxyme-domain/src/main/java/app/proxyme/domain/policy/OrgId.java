package app.proxyme.domain.policy;

import java.util.regex.Pattern;

/** Validation of organisation identifiers ({@code acme}): they appear in FGA object ids and audit chains. */
public final class OrgId {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    private OrgId() {}

    public static String require(String org) {
        if (org == null || !ID.matcher(org).matches()) {
            throw new IllegalArgumentException("organisation id must match " + ID.pattern() + ": " + org);
        }
        return org;
    }
}
