package app.proxyme.admin;

import app.proxyme.domain.access.Capability;
import app.proxyme.domain.policy.Effect;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.in.ManagePolicy;
import app.proxyme.domain.port.in.ManagePolicy.PolicyChange;
import app.proxyme.domain.port.in.ManagePolicy.PolicyOverview;
import app.proxyme.domain.port.in.ManagePolicy.RoleEntry;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Roles × topics: what each role's members may answer (AUTO, APPROVE, DENY), each cell with its meaning in words.
 * Edits collect until saved; saving puts each changed role through {@link ManagePolicy#putRole} (validated, audited
 * with the old and new lists, FGA tuples written). Roles are created, renamed and deleted here too; deleting one in
 * use is refused with who uses it.
 */
@Route(value = "roles", layout = ConsoleLayout.class)
@PageTitle("Roles and permissions")
@Allowed(Capability.MANAGE_POLICY)
public class RolesView extends VerticalLayout {
    private final ManagePolicy policy = ConsolePorts.current().policy();
    private final Grid<RoleEntry> grid = new Grid<>();
    private final Map<String, Map<String, Effect>> edits = new LinkedHashMap<>();
    private final UnorderedList pending = new UnorderedList();
    private final Button save = new Button("Save changes", e -> save());
    private final Button discard = new Button("Discard", e -> reload());
    private PolicyOverview overview;

    public RolesView() {
        setId("roles");
        setSizeFull();
        grid.setId("permissions");
        grid.addThemeVariants(GridVariant.LUMO_COLUMN_BORDERS, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        pending.setId("pending");
        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        discard.setId("discard");
        var name = new TextField();
        name.setId("new-role");
        name.setPlaceholder("new_role");
        var create = new Button("Create role", e -> create(name));
        create.setId("create-role");
        add(
                new H2("Roles and permissions"),
                new Paragraph("AUTO: answered on the member's own. APPROVE: held until the member approves."
                        + " DENY: never answered. Hover a cell for its meaning; changes apply when saved."),
                grid,
                pending,
                new HorizontalLayout(save, discard),
                new HorizontalLayout(name, create));
        reload();
    }

    private void reload() {
        edits.clear();
        overview = policy.overview(ConsoleSession.require());
        grid.removeAllColumns();
        grid.addColumn(RoleEntry::name).setHeader("Role").setFrozen(true).setAutoWidth(true);
        grid.addColumn(r -> overview.holders(r.name()).size())
                .setHeader("Members")
                .setAutoWidth(true);
        for (Topic topic : overview.topics()) {
            grid.addComponentColumn(role -> cell(role, topic.id()))
                    .setHeader(topic.id())
                    .setTooltipGenerator(role -> meaning(role, topic.id(), effect(role, topic.id())))
                    .setAutoWidth(true);
        }
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setItems(overview.roles());
        showPending();
    }

    /**
     * A cell: the effect to pick, and beside it the condition under which the topic is answered on its own, if the
     * role has one (a condition is written in the policy file; picking AUTO or DENY here drops it).
     */
    private Component cell(RoleEntry role, String topic) {
        var select = new Select<Effect>();
        select.setId("cell-" + role.name() + "-" + topic);
        select.setItems(Effect.AUTO, Effect.APPROVE, Effect.DENY);
        select.setValue(effect(role, topic));
        select.setTooltipText(meaning(role, topic, effect(role, topic)));
        select.getElement().setAttribute("aria-label", role.name() + " on " + topic);
        select.setWidth("8.5em");
        select.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                edit(role, topic, e.getValue());
                select.setTooltipText(meaning(role, topic, e.getValue()));
            }
        });
        return role.condition(topic)
                .<Component>map(condition -> {
                    var when = new Span("AUTO when " + condition);
                    when.setId("condition-" + role.name() + "-" + topic);
                    when.getStyle().set("font-size", "var(--lumo-font-size-xs)");
                    var both = new VerticalLayout(select, when);
                    both.setPadding(false);
                    both.setSpacing(false);
                    return both;
                })
                .orElse(select);
    }

    private static String meaning(RoleEntry role, String topic, Effect effect) {
        return Meaning.of(role.name(), topic, effect, role.condition(topic));
    }

    private Effect effect(RoleEntry role, String topic) {
        Effect edited = edits.getOrDefault(role.name(), Map.of()).get(topic);
        return edited != null ? edited : overview.effect(role, topic);
    }

    private void edit(RoleEntry role, String topic, Effect effect) {
        var roleEdits = edits.computeIfAbsent(role.name(), r -> new LinkedHashMap<>());
        if (effect == overview.effect(role, topic)) {
            roleEdits.remove(topic);
        } else {
            roleEdits.put(topic, effect);
        }
        if (roleEdits.isEmpty()) {
            edits.remove(role.name());
        }
        showPending();
    }

    private void showPending() {
        pending.removeAll();
        edits.forEach((role, topics) -> topics.forEach((topic, effect) -> pending.add(new ListItem(
                Meaning.of(role, topic, effect) + " (was: " + overview.effect(entry(role), topic) + ")"))));
        save.setEnabled(!edits.isEmpty());
        discard.setEnabled(!edits.isEmpty());
    }

    private RoleEntry entry(String name) {
        return overview.roles().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private void save() {
        var changes = new ArrayList<String>();
        for (var roleEdits : edits.entrySet()) {
            RoleEntry changed = withEdits(entry(roleEdits.getKey()), roleEdits.getValue());
            var done = Feedback.attempt(() -> policy.putRole(ConsoleSession.require(), changed));
            if (done.isEmpty()) {
                break;
            }
            changes.add(describe(done.get()));
        }
        if (!changes.isEmpty()) {
            Feedback.success("Saved: " + String.join("; ", changes));
        }
        reload();
    }

    private RoleEntry withEdits(RoleEntry role, Map<String, Effect> topics) {
        var byEffect = new LinkedHashMap<Effect, List<String>>();
        for (Effect effect : Effect.values()) {
            byEffect.put(effect, new ArrayList<>());
        }
        for (Topic topic : overview.topics()) {
            byEffect.get(topics.getOrDefault(topic.id(), overview.effect(role, topic.id())))
                    .add(topic.id());
        }
        return new RoleEntry(
                role.name(), byEffect.get(Effect.AUTO), byEffect.get(Effect.APPROVE), byEffect.get(Effect.DENY));
    }

    private HorizontalLayout actions(RoleEntry role) {
        var rename = new Button(
                "Rename",
                e -> RenameDialog.open(role.name(), to -> {
                    Feedback.attempt(() -> policy.renameRole(ConsoleSession.require(), role.name(), to))
                            .ifPresent(change -> Feedback.success("Renamed " + role.name() + " to " + to));
                    reload();
                }));
        rename.setId("rename-" + role.name());
        var delete = new Button("Delete", e -> {
            Feedback.attempt(() -> policy.removeRole(ConsoleSession.require(), role.name()))
                    .ifPresent(change -> Feedback.success("Deleted role " + role.name()));
            reload();
        });
        delete.setId("delete-" + role.name());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(rename, delete);
    }

    private void create(TextField name) {
        String role = name.getValue().strip();
        if (overview.roles().stream().anyMatch(r -> r.name().equals(role))) {
            Feedback.error("Refused: a role " + role + " exists already");
            return;
        }
        Feedback.attempt(() -> policy.putRole(ConsoleSession.require(), new RoleEntry(role, null, null, null)))
                .ifPresent(change -> {
                    Feedback.success("Created role " + role + ": it may answer nothing until you allow topics");
                    name.clear();
                });
        reload();
    }

    private static String describe(PolicyChange change) {
        return String.join(", ", change.changed()) + " (" + change.tuplesWritten() + " tuples written, "
                + change.tuplesDeleted() + " deleted)";
    }
}
