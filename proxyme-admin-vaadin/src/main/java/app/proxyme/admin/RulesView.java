package app.proxyme.admin;

import app.proxyme.domain.access.Capability;
import app.proxyme.domain.policy.RuleScope;
import app.proxyme.domain.port.in.ManagePolicy;
import app.proxyme.domain.port.in.ManagePolicy.MemberEntry;
import app.proxyme.domain.port.in.ManagePolicy.PolicyOverview;
import app.proxyme.domain.port.in.ManagePolicy.RoleEntry;
import app.proxyme.domain.port.in.ManagePolicy.RuleEntry;
import app.proxyme.domain.port.in.ReadRule;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.Locale;

/**
 * Natural-language rules with their scope and whether they are in force. Saving a rule reads its sentence
 * ({@link ReadRule}: the compiler the policy file's import uses) and stores it <em>disabled</em>, showing the reading
 * (effect, topics, phrases, entities); only an explicit "Enable" puts it in force ({@link ManagePolicy#enableRule}).
 * A sentence Proxy Me cannot read is refused with the compiler's reason and nothing is stored.
 */
@Route(value = "rules", layout = ConsoleLayout.class)
@PageTitle("Rules")
@Allowed(Capability.MANAGE_POLICY)
public class RulesView extends VerticalLayout {
    private final ManagePolicy policy = ConsolePorts.current().policy();
    private final ReadRule reader = ConsolePorts.current().rules();
    private final Grid<RuleEntry> grid = new Grid<>();
    private final TextField id = new TextField("Rule id");
    private final TextArea text = new TextArea("Rule, as you would say it");
    private final Select<RuleScope> scope = new Select<>();
    private final Select<String> subject = new Select<>();
    private final Div reading = new Div();
    private PolicyOverview overview;

    public RulesView() {
        setId("rules");
        setSizeFull();
        grid.setId("rule-list");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(RuleEntry::id).setHeader("Rule").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RuleEntry::text).setHeader("Text").setFlexGrow(2);
        grid.addColumn(RuleWords::scope)
                .setHeader("Applies to")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> RuleWords.reading(r, 2))
                .setHeader("Understood as")
                .setTooltipGenerator(RuleWords::reading)
                .setFlexGrow(2);
        grid.addColumn(r -> r.enabled() ? "in force" : "disabled")
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        id.setId("rule-id");
        id.setPlaceholder("no-pricing");
        text.setId("rule-text");
        text.setWidthFull();
        text.setPlaceholder("Never discuss … / Always ask me before … / Do not … without my approval");
        scope.setId("rule-scope");
        scope.setLabel("Scope");
        scope.setItems(RuleScope.values());
        scope.setItemLabelGenerator(s -> s.name().toLowerCase(Locale.ROOT));
        scope.setValue(RuleScope.ORG);
        scope.addValueChangeListener(e -> subjects());
        subject.setId("rule-subject");
        subject.setLabel("Role or member");
        var save = new Button("Save and show reading", e -> save());
        save.setId("save-rule");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(id, scope, subject, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        reading.setId("rule-reading");
        add(
                new H2("Rules"),
                new Paragraph("Rules only restrict: a role's permissions stay the ceiling. A saved rule is stored"
                        + " disabled, with how Proxy Me understood it; enable it once the reading is what you meant."
                        + " Pick a rule below to change it."),
                new H3("Add or change a rule"),
                text,
                form,
                reading,
                new H3("The organisation's rules"),
                grid);
        reload();
    }

    private void reload() {
        overview = policy.overview(ConsoleSession.require());
        grid.setItems(overview.rules());
        subjects();
    }

    private void subjects() {
        RuleScope s = scope.getValue();
        String current = subject.getValue();
        if (s == RuleScope.ROLE) {
            subject.setItems(overview.roles().stream().map(RoleEntry::name).toList());
        } else if (s == RuleScope.USER) {
            subject.setItems(overview.members().stream().map(MemberEntry::email).toList());
        } else {
            subject.setItems();
        }
        subject.setEnabled(s != RuleScope.ORG);
        if (current != null && subject.getListDataView().contains(current)) {
            subject.setValue(current);
        }
    }

    private void edit(RuleEntry rule) {
        if (rule == null) {
            return;
        }
        id.setValue(rule.id());
        text.setValue(rule.text());
        scope.setValue(rule.scope());
        subjects();
        subject.setValue(rule.subject());
        showReading(rule);
    }

    /** Reads the sentence, stores the rule disabled, and shows the reading with the way to enable it. */
    private void save() {
        var caller = ConsoleSession.require();
        reading.removeAll();
        Feedback.attempt(() -> reader.read(
                        caller, id.getValue().strip(), text.getValue(), scope.getValue(), subject.getValue()))
                .flatMap(read ->
                        Feedback.attempt(() -> policy.putRule(caller, read)).map(change -> read))
                .ifPresent(read -> {
                    Feedback.success("Saved " + read.id() + ", disabled: check how it was understood, then enable it");
                    showReading(read);
                });
        reload();
    }

    private void showReading(RuleEntry rule) {
        reading.removeAll();
        var understood = new Paragraph("Understood as " + RuleWords.reading(rule) + ", for " + RuleWords.scope(rule)
                + ". It is " + (rule.enabled() ? "in force." : "disabled: it changes nothing until enabled."));
        understood.setId("rule-understood");
        reading.add(understood);
        if (!rule.enabled()) {
            var enable = new Button("Enable " + rule.id(), e -> toggle(rule.id(), true));
            enable.setId("enable-read-rule");
            enable.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
            reading.add(enable);
        }
    }

    private void toggle(String ruleId, boolean enabled) {
        Feedback.attempt(() -> policy.enableRule(ConsoleSession.require(), ruleId, enabled))
                .ifPresent(change -> Feedback.success((enabled ? "Enabled " : "Disabled ") + ruleId));
        reload();
        overview.rules().stream()
                .filter(r -> r.id().equals(ruleId))
                .findFirst()
                .ifPresentOrElse(this::showReading, reading::removeAll);
    }

    private HorizontalLayout actions(RuleEntry rule) {
        var toggle = new Button(rule.enabled() ? "Disable" : "Enable", e -> toggle(rule.id(), !rule.enabled()));
        toggle.setId("toggle-" + rule.id());
        var remove = new Button("Remove", e -> {
            Feedback.attempt(() -> policy.removeRule(ConsoleSession.require(), rule.id()))
                    .ifPresent(change -> Feedback.success("Removed rule " + rule.id()));
            reading.removeAll();
            reload();
        });
        remove.setId("remove-rule-" + rule.id());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(toggle, remove);
    }
}
