package app.proxyme.admin;

import app.proxyme.domain.policy.Member;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

/** The frame of every screen: the screens the signed-in member may open, who they are, and sign-out. */
public class ConsoleLayout extends AppLayout implements BeforeEnterObserver {
    private final SideNav nav = new SideNav();
    private final Span who = new Span();

    public ConsoleLayout() {
        var title = new H1("Proxy Me admin");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        who.setId("who");
        var signOut = new Button("Sign out", e -> {
            ConsoleSession.signOut();
            getUI().ifPresent(ui -> ui.getPage().setLocation("/signin"));
        });
        signOut.setId("sign-out");
        var bar = new HorizontalLayout(new DrawerToggle(), title, who, signOut);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(who);
        bar.getStyle().set("padding", "0 var(--lumo-space-m)");
        addToNavbar(bar);
        nav.setId("screens");
        addToDrawer(nav);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ConsoleSession.caller().ifPresent(this::show);
    }

    private void show(Member caller) {
        who.setText(caller.displayName() + " · " + caller.role() + " · " + caller.org());
        nav.removeAll();
        for (var screen : Screens.of(caller)) {
            nav.addItem(new SideNavItem(Screens.title(screen), screen));
        }
    }
}
