package app.proxyme.domain.port.out;

import app.proxyme.domain.approval.Suggestion;

/** Told when a held suggestion's approval is decided or expires, so that its user's overlays can be updated. */
@FunctionalInterface
public interface ApprovalListener {
    void decided(Suggestion suggestion);
}
