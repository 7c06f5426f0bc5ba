package app.proxyme.admin;

import app.proxyme.domain.access.Capability;
import app.proxyme.domain.port.in.ManagePolicy;
import app.proxyme.domain.port.in.ManagePolicy.MemberEntry;
import app.proxyme.domain.port.in.ManagePolicy.PolicyOverview;
import app.proxyme.domain.port.in.ManagePolicy.RoleEntry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * The organisation's members: add one, change their role, name or identity-provider subject (pick a row to edit
 * it), remove one. Each change goes through {@link ManagePolicy} (validated, audited with the old and new value);
 * removing the last admin, or a member a rule names, is refused with the reason.
 */
@Route(value = "members", layout = ConsoleLayout.class)
@PageTitle("Members")
@Allowed(Capability.MANAGE_POLICY)
public class MembersView extends VerticalLayout {
    private final ManagePolicy policy = ConsolePorts.current().policy();
    private final Grid<MemberEntry> grid = new Grid<>();
    private final TextField email = new TextField("E-mail");
    private final TextField name = new TextField("Name");
    private final Select<String> role = new Select<>();
    private final TextField subject = new TextField("Identity provider subject");

    public MembersView() {
        setId("members");
        setSizeFull();
        grid.setId("member-list");
        grid.setAllRowsVisible(true);
        grid.addColumn(MemberEntry::email).setHeader("E-mail").setAutoWidth(true);
        grid.addColumn(MemberEntry::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(MemberEntry::role).setHeader("Role").setAutoWidth(true);
        grid.addColumn(m -> m.subject() == null ? "auth0|" + m.email() + " (default)" : m.subject())
                .setHeader("Subject")
                .setAutoWidth(true);
        grid.addComponentColumn(this::removeButton).setHeader("");
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        email.setId("member-email");
        name.setId("member-name");
        role.setId("member-role");
        role.setLabel("Role");
        subject.setId("member-subject");
        subject.setPlaceholder("default: auth0|<e-mail>");
        var save = new Button("Save member", e -> save());
        save.setId("save-member");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(email, name, role, subject, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Members"), grid, form);
        reload();
    }

    private void reload() {
        PolicyOverview overview = policy.overview(ConsoleSession.require());
        grid.setItems(overview.members());
        role.setItems(overview.roles().stream().map(RoleEntry::name).toList());
    }

    private void edit(MemberEntry member) {
        if (member == null) {
            return;
        }
        email.setValue(member.email());
        name.setValue(member.name() == null ? "" : member.name());
        role.setValue(member.role());
        subject.setValue(member.subject() == null ? "" : member.subject());
    }

    private void save() {
        Feedback.attempt(() -> policy.putMember(
                        ConsoleSession.require(),
                        new MemberEntry(
                                email.getValue(),
                                role.getValue(),
                                name.getValue().isBlank() ? null : name.getValue(),
                                subject.getValue().isBlank() ? null : subject.getValue())))
                .ifPresent(change -> Feedback.success("Saved: " + String.join(", ", change.changed())));
        reload();
    }

    private Button removeButton(MemberEntry member) {
        var remove = new Button("Remove", e -> {
            Feedback.attempt(() -> policy.removeMember(ConsoleSession.require(), member.email()))
                    .ifPresent(change -> Feedback.success("Removed " + member.email()));
            reload();
        });
        remove.setId("remove-" + member.email());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return remove;
    }
}
