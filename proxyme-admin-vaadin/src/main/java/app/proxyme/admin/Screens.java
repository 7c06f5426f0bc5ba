package app.proxyme.admin;

import app.proxyme.domain.access.Access;
import app.proxyme.domain.policy.Member;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.PageTitle;
import java.util.List;

/** The console's screens, in menu order, as a member may see them. */
final class Screens {
    static final List<Class<? extends Component>> ALL = List.of(
            RolesView.class,
            MembersView.class,
            TopicsView.class,
            RulesView.class,
            PlaygroundView.class,
            PolicyView.class,
            AuditView.class,
            ChainsView.class,
            AgentsView.class,
            GrantsView.class,
            LiveView.class);

    private Screens() {}

    static String title(Class<?> screen) {
        PageTitle title = screen.getAnnotation(PageTitle.class);
        return title == null ? screen.getSimpleName() : title.value();
    }

    /** Whether the member may open the screen. */
    static boolean allows(Member caller, Class<?> screen) {
        Allowed allowed = screen.getAnnotation(Allowed.class);
        return allowed == null || Access.allows(caller, allowed.value());
    }

    /** The screens the member may open, in menu order. */
    static List<Class<? extends Component>> of(Member caller) {
        return ALL.stream().filter(s -> allows(caller, s)).toList();
    }
}
