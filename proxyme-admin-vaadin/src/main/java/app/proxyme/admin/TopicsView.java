package app.proxyme.admin;

import app.proxyme.domain.access.Capability;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.policy.Topic;
import app.proxyme.domain.port.in.EvaluatePolicy;
import app.proxyme.domain.port.in.ManagePolicy;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * The topic catalogue: each topic's description and the example phrases the classifier learns from, and the playbook
 * answers the embedded generator uses. Pick a row to edit it; saving and removing go through {@link
 * ManagePolicy#putTopic} and {@link ManagePolicy#removeTopic} (a topic a role or rule names cannot go: the refusal
 * says which). "Check examples" runs every example through the classifier as it now is ({@link EvaluatePolicy}'s dry
 * run) and flags each topic whose examples land on another topic or on none.
 */
@Route(value = "topics", layout = ConsoleLayout.class)
@PageTitle("Topics")
@Allowed(Capability.MANAGE_POLICY)
public class TopicsView extends VerticalLayout {
    private final ManagePolicy policy = ConsolePorts.current().policy();
    private final EvaluatePolicy evaluate = ConsolePorts.current().evaluate();
    private final Grid<Topic> grid = new Grid<>();
    private final TextField id = new TextField("Topic id");
    private final TextArea description = new TextArea("Description (the classifier reads it)");
    private final TextArea examples = new TextArea("Example phrases, one a line");
    private final TextArea playbook = new TextArea("Playbook answers, one a line");
    private final UnorderedList flagged = new UnorderedList();
    private final Grid<ExampleCheck> checks = new Grid<>();
    private List<Topic> topics = List.of();

    public TopicsView() {
        setId("topics");
        setSizeFull();
        grid.setId("topic-list");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Topic::id).setHeader("Topic").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Topic::description).setHeader("Description").setFlexGrow(3);
        grid.addColumn(t -> t.examples().size())
                .setHeader("Examples")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(t -> t.playbook().size())
                .setHeader("Playbook")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::removeButton)
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        id.setId("topic-id");
        id.setPlaceholder("onboarding");
        description.setId("topic-description");
        description.setWidthFull();
        examples.setId("topic-examples");
        examples.setWidthFull();
        examples.setHeight("12em");
        playbook.setId("topic-playbook");
        playbook.setWidthFull();
        playbook.setHeight("8em");
        var save = new Button("Save topic", e -> save());
        save.setId("save-topic");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var clear = new Button("New topic", e -> edit(null));
        clear.setId("new-topic");
        var check = new Button("Check examples", e -> checkExamples());
        check.setId("check-examples");
        flagged.setId("example-flags");
        checks.setId("example-checks");
        checks.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        checks.setAllRowsVisible(true);
        checks.addColumn(ExampleCheck::topic)
                .setHeader("Topic")
                .setAutoWidth(true)
                .setFlexGrow(0);
        checks.addColumn(ExampleCheck::example).setHeader("Example").setFlexGrow(2);
        checks.addColumn(ExampleCheck::label).setHeader("Classifier now says").setFlexGrow(1);
        checks.addComponentColumn(TopicsView::verdict).setHeader("Check").setFlexGrow(1);
        checks.setVisible(false);
        var buttons = new HorizontalLayout(save, clear, check);
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(
                new H2("Topics"),
                new Paragraph("The catalogue the classifier sorts every question into. Its examples teach it; the"
                        + " playbook answers are what Proxy Me proposes in embedded mode. Pick a topic to edit it."),
                grid,
                id,
                description,
                examples,
                playbook,
                buttons,
                new H3("Examples as the classifier reads them"),
                flagged,
                checks);
        reload();
    }

    private void reload() {
        topics = policy.overview(ConsoleSession.require()).topics();
        grid.setItems(topics);
    }

    private void edit(Topic topic) {
        id.setValue(topic == null ? "" : topic.id());
        id.setReadOnly(topic != null);
        description.setValue(topic == null ? "" : topic.description());
        examples.setValue(topic == null ? "" : Lines.join(topic.examples()));
        playbook.setValue(topic == null ? "" : Lines.join(topic.playbook()));
    }

    private void save() {
        String topicId = id.getValue().strip();
        boolean added = topics.stream().noneMatch(t -> t.id().equals(topicId));
        Feedback.attempt(() -> policy.putTopic(
                        ConsoleSession.require(),
                        new Topic(
                                topicId,
                                description.getValue().strip(),
                                Lines.of(examples.getValue()),
                                Lines.of(playbook.getValue()))))
                .ifPresent(change -> Feedback.success(
                        change.changed().isEmpty()
                                ? "No changes"
                                : "Saved: " + String.join(", ", change.changed())
                                        + (added ? ". No role may answer it until you allow it under Roles" : "")));
        reload();
    }

    private Button removeButton(Topic topic) {
        var remove = new Button("Remove", e -> {
            Feedback.attempt(() -> policy.removeTopic(ConsoleSession.require(), topic.id()))
                    .ifPresent(change -> {
                        Feedback.success("Removed topic " + topic.id());
                        edit(null);
                    });
            reload();
        });
        remove.setId("remove-topic-" + topic.id());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return remove;
    }

    private static Span verdict(ExampleCheck check) {
        var verdict = new Span(check.verdict());
        if (check.flagged()) {
            verdict.addClassName("flagged");
            verdict.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        }
        return verdict;
    }

    /** Every example of every topic through the dry run; those landing elsewhere are listed. */
    private void checkExamples() {
        Member caller = ConsoleSession.require();
        var results = new ArrayList<ExampleCheck>();
        for (Topic topic : topics) {
            for (String example : topic.examples()) {
                var run = Feedback.attempt(() -> evaluate.evaluate(caller, caller.email(), example));
                if (run.isEmpty()) {
                    return;
                }
                results.add(ExampleCheck.of(topic.id(), example, run.get()));
            }
        }
        flagged.removeAll();
        List<ExampleCheck> landedElsewhere =
                results.stream().filter(ExampleCheck::flagged).toList();
        flagged.add(new ListItem((results.size() - landedElsewhere.size()) + " of " + results.size()
                + " examples land on their own topic."));
        ExampleCheck.flaggedTopics(results).forEach(line -> flagged.add(new ListItem(line)));
        checks.setItems(landedElsewhere);
        checks.setVisible(!landedElsewhere.isEmpty());
    }
}
