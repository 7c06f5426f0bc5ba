package app.proxyme.admin;

import app.proxyme.domain.access.Capability;
import app.proxyme.domain.audit.AuditExport;
import app.proxyme.domain.audit.AuditFilter;
import app.proxyme.domain.audit.AuditPage;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.AuditType;
import app.proxyme.domain.audit.ChainVerdict;
import app.proxyme.domain.audit.ExportQuery;
import app.proxyme.domain.port.in.BrowseAudit;
import app.proxyme.domain.port.in.ReviewAudit;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The compliance reviewer's screen: the organisation's events, filtered by meeting, member, topic, outcome, layer,
 * type and time, newest first, a page at a time from the server (keyset paging: "Older events" asks for the next
 * page); verify the chain; export it as JSON Lines or CSV. A meeting opens its timeline.
 */
@Route(value = "audit", layout = ConsoleLayout.class)
@PageTitle("Audit review")
@Allowed(Capability.REVIEW_AUDIT)
public class AuditView extends VerticalLayout {
    static final int PAGE = 50;
    private static final String ANY = "any";

    private final ReviewAudit audit = ConsolePorts.current().audit();
    private final BrowseAudit browse = ConsolePorts.current().browse();
    private final TextField meeting = field("Meeting", "filter-meeting");
    private final TextField member = field("Member", "filter-member");
    private final TextField topic = field("Topic", "filter-topic");
    private final RadioButtonGroup<String> outcome = new RadioButtonGroup<>();
    private final TextField layer = field("Layer", "filter-layer");
    private final Select<String> type = new Select<>();
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private final EventGrid grid = new EventGrid();
    private final Button older = new Button("Older events", e -> more());
    private final Paragraph verdict = new Paragraph();
    private final List<AuditRecord> shown = new ArrayList<>();
    private AuditFilter filter = AuditFilter.ANY;
    private Long next;

    public AuditView() {
        setId("audit");
        setSizeFull();
        outcome.setLabel("Outcome");
        outcome.setId("filter-outcome");
        outcome.setItems(ANY, "AUTO", "APPROVE", "DENY", "NONE");
        outcome.setValue(ANY);
        type.setLabel("Type");
        type.setId("filter-type");
        var types = new ArrayList<String>();
        types.add("");
        for (AuditType t : AuditType.values()) {
            types.add(t.wire());
        }
        type.setItems(types);
        type.setValue("");
        List<HasValue<?, ?>> fields = List.of(meeting, member, topic, outcome, layer, type, from, to);
        fields.forEach(field -> field.addValueChangeListener(e -> search()));
        var apply = new Button("Apply filters", e -> search());
        apply.setId("apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var filters = new HorizontalLayout(meeting, member, topic, outcome, layer, type, from, to, apply);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");
        grid.setId("events");
        older.setId("older");
        verdict.setId("verdict");
        var verify = new Button(
                "Verify integrity",
                e -> Feedback.attempt(() -> audit.verify(ConsoleSession.require()))
                        .ifPresent(v -> verdict.setText(describe(v))));
        verify.setId("verify");
        add(
                new H2("Audit review"),
                filters,
                grid,
                older,
                new HorizontalLayout(verify, download("jsonl"), download("csv")),
                verdict);
        search();
    }

    private static TextField field(String label, String id) {
        var field = new TextField(label);
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setWidth("11em");
        return field;
    }

    private void search() {
        Feedback.attempt(() -> new AuditFilter(
                        meeting.getValue(),
                        member.getValue(),
                        topic.getValue(),
                        ANY.equals(outcome.getValue()) ? null : outcome.getValue(),
                        layer.getValue(),
                        type.getValue() == null || type.getValue().isEmpty()
                                ? null
                                : AuditType.fromWire(type.getValue()),
                        from.getValue() == null ? null : from.getValue().toInstant(ZoneOffset.UTC),
                        to.getValue() == null ? null : to.getValue().toInstant(ZoneOffset.UTC)))
                .ifPresent(f -> {
                    filter = f;
                    shown.clear();
                    next = null;
                    page(null);
                });
    }

    private void more() {
        if (next != null) {
            page(next);
        }
    }

    private void page(Long before) {
        Feedback.attempt(() -> browse.browse(ConsoleSession.require(), filter, before, PAGE))
                .ifPresent(this::show);
    }

    private void show(AuditPage page) {
        shown.addAll(page.events());
        next = page.nextBeforeSeq();
        grid.setItems(List.copyOf(shown));
        older.setEnabled(next != null);
    }

    private Anchor download(String format) {
        DownloadHandler handler = event -> {
            var caller = ConsoleSession.callerOf(event.getSession());
            if (caller.isEmpty()) {
                event.getResponse().setStatus(403);
                return;
            }
            AuditExport export = audit.export(caller.get(), new ExportQuery(format, null, null, null, null, null));
            event.setFileName("audit-" + caller.get().org() + "." + format);
            event.setContentType(format.equals("csv") ? "text/csv" : "application/jsonl");
            export.writeTo(event.getOutputStream());
        };
        var link = new Anchor(handler, "Export " + format.toUpperCase(Locale.ROOT));
        link.setId("export-" + format);
        return link;
    }

    static String describe(ChainVerdict v) {
        return v.ok()
                ? "Intact: " + v.events() + " events, head " + v.head()
                : "BROKEN at event " + v.firstBadSeq() + " (" + v.firstBad() + "): " + v.reason();
    }
}
