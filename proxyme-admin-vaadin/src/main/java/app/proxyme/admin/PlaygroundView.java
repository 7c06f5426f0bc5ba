package app.proxyme.admin;

import app.proxyme.domain.access.Capability;
import app.proxyme.domain.chunk.DryRun;
import app.proxyme.domain.decision.Decision;
import app.proxyme.domain.decision.TraceEntry;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.EvaluatePolicy;
import app.proxyme.domain.port.in.ManagePolicy;
import app.proxyme.domain.port.in.ManagePolicy.PolicyOverview;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * "What happens if a customer says X to this member (or to this role)?": the whole decision of a dry run
 * ({@link EvaluatePolicy}: nothing generated, nothing recorded) with every layer's effect, the deciding layer and its
 * reason, and what would change it. A case worth keeping is saved to the policy file's {@code tests:} section: the
 * file is exported, the case added, and the file imported again ({@link ManagePolicy#replace}), so it is validated
 * and audited like any import, and an import that refuses it shows why.
 */
@Route(value = "playground", layout = ConsoleLayout.class)
@PageTitle("Playground")
@Allowed(Capability.MANAGE_POLICY)
public class PlaygroundView extends VerticalLayout {
    /** Whom the dry run is for: a member, or a role evaluated as one of its members. */
    record Subject(String member, String role, String evaluateAs, String label) {}

    private static final java.util.Set<String> ROLES_WITHOUT_TOPICS =
            java.util.Set.of(Member.ORG_ADMIN, Member.COMPLIANCE_REVIEWER);

    private final ManagePolicy policy = ConsolePorts.current().policy();
    private final EvaluatePolicy evaluate = ConsolePorts.current().evaluate();
    private final TextArea utterance = new TextArea("What the customer says");
    private final Select<Subject> who = new Select<>();
    private final Div summary = new Div();
    private final Grid<TraceEntry> trace = new Grid<>();
    private final UnorderedList whatIf = new UnorderedList();
    private final Button saveCase = new Button("Save as policy test", e -> saveCase());
    private PolicyOverview overview;
    private PolicyCase lastCase;

    public PlaygroundView() {
        setId("playground");
        setSizeFull();
        utterance.setId("utterance");
        utterance.setWidthFull();
        utterance.setPlaceholder("so um what discount could you give us on a three year contract");
        who.setId("evaluate-for");
        who.setLabel("Said to");
        who.setItemLabelGenerator(Subject::label);
        who.setWidth("26em");
        var run = new Button("Evaluate", e -> run());
        run.setId("evaluate");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveCase.setId("save-case");
        saveCase.setEnabled(false);
        var actions = new HorizontalLayout(who, run, saveCase);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        summary.setId("decision");
        trace.setId("trace");
        trace.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        trace.setAllRowsVisible(true);
        trace.addColumn(t -> t.layer().wire())
                .setHeader("Layer")
                .setAutoWidth(true)
                .setFlexGrow(0);
        trace.addColumn(TraceEntry::topic).setHeader("Topic").setAutoWidth(true).setFlexGrow(0);
        trace.addColumn(t -> t.isSkipped() ? "skipped" : t.effect().name())
                .setHeader("Effect")
                .setAutoWidth(true)
                .setFlexGrow(0);
        trace.addColumn(t -> t.detail()
                        + (t.condition() == null ? "" : " (" + t.condition().describe() + ")"))
                .setHeader("Why")
                .setFlexGrow(1);
        trace.setVisible(false);
        whatIf.setId("what-if");
        add(
                new H2("Playground"),
                new Paragraph("A dry run of the whole decision: nothing is generated, nothing recorded. Save a case"
                        + " you want to keep as a policy test: the policy file then says what it must decide."),
                utterance,
                actions,
                summary,
                trace,
                new H3("What would change it"),
                whatIf);
        reload();
    }

    private void reload() {
        overview = policy.overview(ConsoleSession.require());
        who.setItems(subjects(overview));
        // a member with a topic matrix first: the admin and the reviewer may answer nothing
        who.getListDataView()
                .getItems()
                .filter(s -> s.member() != null && !ROLES_WITHOUT_TOPICS.contains(role(s)))
                .findFirst()
                .or(() -> who.getListDataView().getItems().findFirst())
                .ifPresent(who::setValue);
    }

    /** The members, then each role that has one (evaluated as its first member). */
    static List<Subject> subjects(PolicyOverview overview) {
        var out = new ArrayList<Subject>();
        overview.members()
                .forEach(m -> out.add(new Subject(m.email(), null, m.email(), m.email() + " (" + m.role() + ")")));
        overview.roles()
                .forEach(r -> overview.holders(r.name()).stream()
                        .findFirst()
                        .ifPresent(m -> out.add(new Subject(
                                null, r.name(), m.email(), "role " + r.name() + " (as " + m.email() + ")"))));
        return out;
    }

    private void run() {
        Subject subject = who.getValue();
        String text = utterance.getValue();
        if (subject == null) {
            Feedback.error("Pick whom it is said to");
            return;
        }
        Feedback.attempt(() -> evaluate.evaluate(ConsoleSession.require(), subject.evaluateAs(), text))
                .ifPresent(dry -> show(subject, text, dry));
    }

    /** The role the subject's decisions are made under. */
    private String role(Subject subject) {
        return subject.role() != null
                ? subject.role()
                : overview.members().stream()
                        .filter(m -> m.email().equals(subject.member()))
                        .findFirst()
                        .map(ManagePolicy.MemberEntry::role)
                        .orElse("");
    }

    private void show(Subject subject, String text, DryRun dry) {
        Decision d = dry.decision();
        String role = role(subject);
        summary.removeAll();
        var outcome = new Span(d.outcome().name());
        outcome.setId("outcome");
        outcome.getElement().getThemeList().add("badge " + badge(d));
        summary.add(
                line("Outcome", outcome),
                line("Deciding layer", span("layer", d.layer().wire())),
                line("Reason", span("reason", d.reason())),
                line(
                        "Question for us",
                        span(
                                "question",
                                (dry.classification().question() ? "yes" : "no")
                                        + String.format(
                                                Locale.ROOT,
                                                " (confidence %.2f)",
                                                dry.classification().questionConfidence()))),
                line("Topic", span("topic", d.topic() == null ? "none" : d.topic())),
                line("Confidence", span("confidence", String.format(Locale.ROOT, "%.2f", d.confidence()))),
                line("Candidates", span("candidates", candidates(dry))));
        trace.setItems(d.trace());
        trace.setVisible(!d.trace().isEmpty());
        whatIf.removeAll();
        WhatIf.of(d, role, overview, text).forEach(line -> whatIf.add(new ListItem(line)));
        lastCase = PolicyCase.of(text, subject.member(), subject.role(), d);
        saveCase.setEnabled(true);
    }

    private static String candidates(DryRun dry) {
        return dry.classification().ranked().stream()
                .limit(3)
                .map(s -> String.format(Locale.ROOT, "%s %.2f", s.topic(), s.confidence()))
                .collect(Collectors.joining(", "));
    }

    private static String badge(Decision d) {
        return switch (d.outcome()) {
            case AUTO -> "success";
            case DENY -> "error";
            case APPROVE -> "contrast";
            case NONE -> "";
        };
    }

    private static Span span(String id, String text) {
        var span = new Span(text);
        span.setId(id);
        return span;
    }

    private static Div line(String label, Span value) {
        var name = new Span(label + ": ");
        name.getStyle().set("font-weight", "600");
        return new Div(name, value);
    }

    /** Adds the last dry run to the file's tests, expecting what was decided, and imports the file. */
    private void saveCase() {
        if (lastCase == null) {
            return;
        }
        var caller = ConsoleSession.require();
        PolicyCase saved = lastCase;
        String yaml = policy.export(caller);
        if (yaml.contains(saved.entry())) {
            Feedback.error("This case is a policy test already");
            return;
        }
        Feedback.attempt(() -> policy.replace(caller, saved.addTo(yaml)))
                .ifPresent(change -> Feedback.success("Saved as policy test: expects " + saved.outcome()
                        + (saved.layer() == null ? "" : " by " + saved.layer())));
    }
}
