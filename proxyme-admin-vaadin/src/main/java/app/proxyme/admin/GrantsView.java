package app.proxyme.admin;

import app.proxyme.domain.access.Capability;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.ManagePolicy.MemberEntry;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.Map;

/**
 * A member's grants to the organisation's agents (admins), with the kill switch per agent: revoking ends the grant,
 * the agent's token references for that member and its untaken work, audited with the admin as the actor.
 */
@Route(value = "grants", layout = ConsoleLayout.class)
@PageTitle("Grants")
@Allowed(Capability.MANAGE_AGENTS)
public class GrantsView extends VerticalLayout {
    /** One agent's grant as listed. */
    record Row(String agent, List<String> permissions) {}

    private final ConsolePorts ports = ConsolePorts.current();
    private final Select<MemberEntry> member = new Select<>();
    private final Grid<Row> grid = new Grid<>();

    public GrantsView() {
        setId("grants");
        setSizeFull();
        member.setId("grant-member");
        member.setLabel("Member");
        member.setItemLabelGenerator(MemberEntry::email);
        member.setItems(ports.policy().overview(ConsoleSession.require()).members());
        member.addValueChangeListener(e -> reload());
        grid.setId("grant-list");
        grid.setAllRowsVisible(true);
        grid.addColumn(Row::agent).setHeader("Agent").setAutoWidth(true);
        grid.addColumn(r -> String.join(", ", r.permissions()))
                .setHeader("Permissions")
                .setAutoWidth(true);
        grid.addComponentColumn(this::revokeButton).setHeader("");
        add(new H2("Grants"), new Paragraph("Pick a member to see what each agent may hold for them."), member, grid);
    }

    static List<Row> rows(Map<String, List<String>> grants) {
        return grants.entrySet().stream()
                .map(e -> new Row(e.getKey(), e.getValue()))
                .toList();
    }

    private void reload() {
        MemberEntry picked = member.getValue();
        if (picked == null) {
            grid.setItems(List.of());
            return;
        }
        Member admin = ConsoleSession.require();
        grid.setItems(
                rows(ports.chains().grants(new Member(picked.email(), admin.org(), picked.role(), picked.name()))));
    }

    private Button revokeButton(Row row) {
        var revoke = new Button("Revoke", e -> {
            String user = member.getValue().email();
            Feedback.attempt(() -> {
                        ports.control().revokeFor(ConsoleSession.require(), user, row.agent());
                        return row;
                    })
                    .ifPresent(r -> Feedback.success("Revoked " + user + "'s grant to " + r.agent()));
            reload();
        });
        revoke.setId("revoke-" + row.agent());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return revoke;
    }
}
