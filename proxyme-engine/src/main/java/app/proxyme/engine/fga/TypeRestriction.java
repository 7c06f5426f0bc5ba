package app.proxyme.engine.fga;

/**
 * One kind of user a relation admits directly: {@code user}, {@code user:*} ({@code wildcard}) or
 * {@code group#member} ({@code relation} set).
 */
public record TypeRestriction(String type, String relation, boolean wildcard) {
    /** Whether a tuple's user (already split) fits this restriction. */
    boolean admits(String userType, String userId, String userRelation) {
        if (!type.equals(userType)) {
            return false;
        }
        if (relation != null) {
            return relation.equals(userRelation);
        }
        return userRelation == null && wildcard == "*".equals(userId);
    }
}
