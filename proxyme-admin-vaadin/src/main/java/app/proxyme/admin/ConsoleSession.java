package app.proxyme.admin;

import app.proxyme.domain.access.SignedIn;
import app.proxyme.domain.policy.Member;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/**
 * Who is signed in to this browser session. Only the bearer token is kept; the member is looked up again on every
 * use, so a removed member, a changed role or an expired token takes effect at once (fail closed: no token, no
 * member).
 */
public final class ConsoleSession {
    private static final String TOKEN = ConsoleSession.class.getName() + ".token";

    private ConsoleSession() {}

    static void signIn(SignedIn signedIn) {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(TOKEN, signedIn.token());
    }

    static void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(TOKEN, null);
        session.getSession().invalidate();
    }

    /** The signed-in member as the token says now; empty when nobody is, or the token no longer stands for anyone. */
    public static Optional<Member> caller() {
        VaadinSession session = VaadinSession.getCurrent();
        Object token = session == null ? null : session.getAttribute(TOKEN);
        if (!(token instanceof String bearer)) {
            return Optional.empty();
        }
        return ConsolePorts.current().signIn().authenticate(bearer);
    }

    /**
     * The signed-in member of a session whose lock the caller does not hold (a download runs outside the UI's
     * request).
     */
    public static Optional<Member> callerOf(VaadinSession session) {
        session.lock();
        try {
            return caller();
        } finally {
            session.unlock();
        }
    }

    /** The signed-in member; a view reached without one has already been sent to sign-in by {@link AccessGuard}. */
    public static Member require() {
        return caller().orElseThrow(() -> new IllegalStateException("nobody is signed in"));
    }
}
