package app.proxyme.admin;

import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.SignIn;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * Sign-in with the embedded identity: the shipped demo users, as the overlay's picker offers them.
 */
@Route("signin")
@PageTitle("Sign in · Proxy Me admin")
public class SignInView extends VerticalLayout {
    public SignInView() {
        setId("signin");
        setMaxWidth("40em");
        add(new H2("Proxy Me admin console"));
        SignIn signIn = ConsolePorts.current().signIn();
        if (signIn.demoSignInOffered()) {
            add(demoSignIn(signIn));
        } else {
            add(new Paragraph("The console signs in demo users of the embedded identity only; sign-in through the"
                    + " organisation's OpenID provider is not available in the console yet."));
        }
    }

    private VerticalLayout demoSignIn(SignIn signIn) {
        var users = new Select<Member>();
        users.setId("user");
        users.setLabel("Demo user");
        users.setItems(signIn.demoUsers());
        users.setItemLabelGenerator(m -> m.email() + " · " + m.role() + " · " + m.org());
        users.setWidthFull();
        var go = new Button("Sign in", e -> {
            if (users.getValue() == null) {
                Feedback.error("Pick a user first");
                return;
            }
            signIn.demoSignIn(users.getValue().email())
                    .ifPresentOrElse(
                            signedIn -> {
                                ConsoleSession.signIn(signedIn);
                                getUI().ifPresent(ui -> ui.navigate(HomeView.class));
                            },
                            () -> Feedback.error("That user is no longer known"));
        });
        go.setId("sign-in");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var box = new VerticalLayout(
                new Paragraph("Embedded identity: sign in as one of the demo organisations' members."), users, go);
        box.setPadding(false);
        return box;
    }
}
