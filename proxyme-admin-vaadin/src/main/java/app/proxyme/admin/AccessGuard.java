package app.proxyme.admin;

import app.proxyme.domain.policy.Member;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Optional;

/**
 * Every navigation passes here before a screen is built: nobody signed in goes to sign-in, a member without the
 * screen's {@link Allowed capability} sees "not authorized" (also when they typed the URL). A lost session (expired,
 * or the server restarted) reloads the page instead of showing Vaadin's error, and so lands on sign-in.
 */
public final class AccessGuard implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(AccessGuard::check));
        var messages = new CustomizedSystemMessages();
        messages.setSessionExpiredNotificationEnabled(false);
        messages.setSessionExpiredURL(null);
        event.getSource().setSystemMessagesProvider(info -> messages);
    }

    static void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == SignInView.class) {
            return;
        }
        Optional<Member> caller = ConsoleSession.caller();
        if (caller.isEmpty()) {
            event.forwardTo(SignInView.class);
            return;
        }
        if (!Screens.allows(caller.get(), target)) {
            event.rerouteTo(NotAuthorizedView.class);
        }
    }
}
