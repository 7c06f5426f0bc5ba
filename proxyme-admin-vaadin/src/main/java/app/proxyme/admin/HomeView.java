package app.proxyme.admin;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/** {@code /}: the first screen the signed-in member may open, or "not authorized" when there is none. */
@Route("")
public class HomeView extends Div implements BeforeEnterObserver {
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        ConsoleSession.caller()
                .flatMap(caller -> Screens.of(caller).stream().findFirst())
                .ifPresentOrElse(event::forwardTo, () -> event.forwardTo(NotAuthorizedView.class));
    }
}
