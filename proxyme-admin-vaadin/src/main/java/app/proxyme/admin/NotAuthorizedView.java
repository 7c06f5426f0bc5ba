package app.proxyme.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/** What a signed-in member sees on a screen their role does not open. */
@Route("not-authorized")
@PageTitle("Not authorized")
public class NotAuthorizedView extends VerticalLayout implements BeforeEnterObserver {
    private final Paragraph who = new Paragraph();

    public NotAuthorizedView() {
        setId("not-authorized");
        var others = new Button("Go to my screens", e -> getUI().ifPresent(ui -> ui.navigate(HomeView.class)));
        var signOut = new Button("Sign in as someone else", e -> {
            ConsoleSession.signOut();
            getUI().ifPresent(ui -> ui.getPage().setLocation("/signin"));
        });
        signOut.setId("sign-out");
        add(
                new H2("Not authorized"),
                who,
                new Paragraph("Organisation admins manage roles, members, topics and rules; the compliance reviewer"
                        + " reviews the audit trail. Other members use the meeting overlay only."),
                others,
                signOut);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ConsoleSession.caller()
                .ifPresent(caller -> who.setText(
                        caller.email() + " (" + caller.role() + " of " + caller.org() + ") may not open this screen."));
    }
}
