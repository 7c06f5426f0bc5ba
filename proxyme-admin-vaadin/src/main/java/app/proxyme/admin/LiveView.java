package app.proxyme.admin;

import app.proxyme.domain.access.Access;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.approval.Suggestion;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.WatchMeetings;
import app.proxyme.domain.port.in.WatchMeetings.Kind;
import app.proxyme.domain.port.in.WatchMeetings.LiveEvent;
import app.proxyme.domain.port.in.WatchMeetings.LiveMeeting;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The organisation's meetings in progress on this instance — who is connected to each, and each chunk's flow ticker
 * (token_vault … audit with their ms, then the decision) streaming in through Vaadin Push — and every member's pending
 * approvals (from the database: every instance's), refreshed every few seconds. Admins only. The view keeps the last
 * {@link #CHUNKS} chunks of each meeting; it stops watching when it is detached.
 */
@Route(value = "live", layout = ConsoleLayout.class)
@PageTitle("Live")
@Allowed(Capability.WATCH_MEETINGS)
public class LiveView extends VerticalLayout {
    /** Chunks a meeting's ticker keeps. */
    static final int CHUNKS = 20;
    /** Steps one chunk's line keeps (a chunk has at most eleven). */
    static final int STEPS = 16;
    /** Events waiting for the UI; beyond it they are dropped (the next refresh shows who is connected). */
    static final int BACKLOG = 2_000;

    static final int REFRESH_MS = 3_000;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final WatchMeetings live = ConsolePorts.current().live();
    private final Div meetingsBox = new Div();
    private final Grid<Suggestion> pending = new Grid<>();
    /** Meeting id → members connected, as the view last learnt it. */
    private final Map<String, TreeSet<String>> connected = new TreeMap<>();
    /** Meeting id → its last chunks (user and seq → their events), oldest first. */
    private final Map<String, LinkedHashMap<String, List<LiveEvent>>> tickers = new TreeMap<>();

    private final ConcurrentLinkedQueue<LiveEvent> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicBoolean flushing = new AtomicBoolean();
    private WatchMeetings.Watch watch;
    private Registration polling;

    public LiveView() {
        setId("live");
        setSizeFull();
        meetingsBox.setId("live-meetings");
        meetingsBox.setWidthFull();
        pending.setId("pending-approvals");
        pending.setAllRowsVisible(true);
        pending.addColumn(Suggestion::user).setHeader("Member").setAutoWidth(true);
        pending.addColumn(Suggestion::topic).setHeader("Topic").setAutoWidth(true);
        pending.addColumn(Suggestion::meetingId).setHeader("Meeting").setAutoWidth(true);
        pending.addColumn(s -> TIME.format(s.createdAt()) + " UTC").setHeader("Since");
        pending.addColumn(s -> expires(s.expiresAt())).setHeader("Expires");
        pending.setEmptyStateText("No approval is waiting.");
        var scope = new Paragraph("Meetings with an overlay connected to this console's instance; with several"
                + " instances, meetings connected to another one show on that instance's console. Pending approvals"
                + " are every instance's.");
        scope.setId("live-scope");
        scope.getStyle().set("color", "var(--lumo-secondary-text-color)");
        add(new H2("Meetings in progress"), scope, meetingsBox, new H2("Pending approvals"), pending);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        Member caller = ConsoleSession.require();
        watch = live.watch(caller, e -> arrived(ui, e));
        refresh(caller);
        ui.setPollInterval(REFRESH_MS);
        polling = ui.addPollListener(p -> {
            if (!isAttached()) {
                return;
            }
            Optional<Member> now = ConsoleSession.caller();
            if (now.isEmpty() || !Access.allows(now.get(), Capability.WATCH_MEETINGS)) {
                stop();
                ui.getPage().reload();
                return;
            }
            refresh(now.get());
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        stop();
        super.onDetach(event);
    }

    private void stop() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    /** On a deciding thread: queued, and shown by the UI's own lock holder, never on this thread. */
    private void arrived(UI ui, LiveEvent e) {
        if (waiting.incrementAndGet() > BACKLOG) {
            waiting.decrementAndGet();
            return;
        }
        inbox.add(e);
        if (flushing.compareAndSet(false, true)) {
            Thread.startVirtualThread(() -> {
                try {
                    ui.access(this::flush);
                } catch (RuntimeException gone) {
                    // the UI was detached meanwhile
                    flushing.set(false);
                }
            });
        }
    }

    private void flush() {
        flushing.set(false);
        var touched = new TreeSet<String>();
        LiveEvent e;
        while ((e = inbox.poll()) != null) {
            waiting.decrementAndGet();
            apply(e);
            touched.add(e.meetingId());
        }
        if (!touched.isEmpty()) {
            render();
        }
    }

    private void apply(LiveEvent e) {
        switch (e.kind()) {
            case JOINED ->
                connected.computeIfAbsent(e.meetingId(), k -> new TreeSet<>()).add(e.user());
            case LEFT -> {
                // another socket of the same member may still be there: the next refresh says
            }
            case FLOW, DECISION -> {
                connected.computeIfAbsent(e.meetingId(), k -> new TreeSet<>()).add(e.user());
                var chunks = tickers.computeIfAbsent(e.meetingId(), k -> new LinkedHashMap<>());
                var steps = chunks.computeIfAbsent(e.user() + " #" + e.seq(), k -> new ArrayList<>());
                if (steps.size() < STEPS) {
                    steps.add(e);
                }
                while (chunks.size() > CHUNKS) {
                    chunks.remove(chunks.keySet().iterator().next());
                }
            }
        }
    }

    private void refresh(Member caller) {
        List<LiveMeeting> now = live.inProgress(caller);
        connected.clear();
        for (LiveMeeting m : now) {
            connected.put(m.meetingId(), new TreeSet<>(m.connected()));
        }
        tickers.keySet().retainAll(connected.keySet());
        render();
        pending.setItems(live.pendingApprovals(caller));
    }

    private void render() {
        meetingsBox.removeAll();
        if (connected.isEmpty()) {
            var none = new Paragraph("No meeting in progress.");
            none.setId("no-meetings");
            meetingsBox.add(none);
            return;
        }
        connected.forEach((meeting, users) -> meetingsBox.add(meeting(meeting, users)));
    }

    private Div meeting(String meeting, TreeSet<String> users) {
        var box = new Div();
        box.setId("meeting-" + meeting);
        box.addClassName("live-meeting");
        box.getStyle()
                .set("border", "1px solid var(--lumo-contrast-20pct)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("margin-bottom", "var(--lumo-space-s)");
        var who = new Paragraph("Connected: " + String.join(", ", users));
        who.addClassName("connected");
        box.add(new H3(meeting), who);
        var chunks = tickers.getOrDefault(meeting, new LinkedHashMap<>());
        if (chunks.isEmpty()) {
            box.add(new Paragraph("No chunk yet."));
        }
        var lines = new ArrayList<>(chunks.entrySet());
        for (int i = lines.size() - 1; i >= 0; i--) {
            box.add(ticker(lines.get(i).getKey(), lines.get(i).getValue()));
        }
        return box;
    }

    private static Div ticker(String chunk, List<LiveEvent> steps) {
        var line = new Div();
        line.addClassName("chunk");
        line.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin", "var(--lumo-space-xs) 0");
        var name = new Span(chunk + ": ");
        name.getStyle().set("font-weight", "600");
        line.add(name);
        for (LiveEvent s : steps) {
            var step = new Span(step(s));
            step.addClassName(s.kind() == Kind.DECISION ? "decision" : "step");
            step.getStyle()
                    .set("margin-right", "var(--lumo-space-s)")
                    .set("padding", "0 var(--lumo-space-xs)")
                    .set("border-radius", "var(--lumo-border-radius-s)")
                    .set(
                            "background",
                            s.kind() == Kind.DECISION
                                    ? "var(--lumo-primary-color-10pct)"
                                    : "var(--lumo-contrast-5pct)");
            if (!s.outcome().isEmpty() && s.kind() == Kind.FLOW) {
                step.setTitle(s.outcome());
            }
            line.add(step);
        }
        return line;
    }

    static String step(LiveEvent s) {
        if (s.kind() == Kind.DECISION) {
            return "decision " + s.outcome();
        }
        String ms = String.format(Locale.ROOT, "%.1f ms", s.millis());
        return s.outcome().isEmpty() ? s.step() + " " + ms : s.step() + " " + ms + " (" + s.outcome() + ")";
    }

    private static String expires(Instant at) {
        if (at == null) {
            return "";
        }
        long s = Duration.between(Instant.now(), at).toSeconds();
        return TIME.format(at) + " UTC" + (s > 0 ? " (in " + s + " s)" : " (due)");
    }
}
