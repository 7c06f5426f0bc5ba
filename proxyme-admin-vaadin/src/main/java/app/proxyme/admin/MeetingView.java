package app.proxyme.admin;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.audit.AuditRecord;
import app.proxyme.domain.audit.ShareRecord;
import app.proxyme.domain.policy.Member;
import app.proxyme.domain.port.in.ShareMeetingRecord;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;

/**
 * One meeting's timeline for the reviewer: its events oldest first, its chain verified, "mark reviewed" with a
 * comment (a {@code review} audit event), and its share links (create, revoke). A meeting of another organisation, or
 * one that does not exist, is "no meeting" whatever the URL says: the use cases decide.
 */
@Route(value = "audit/meeting", layout = ConsoleLayout.class)
@PageTitle("Meeting timeline")
@Allowed(Capability.REVIEW_AUDIT)
public class MeetingView extends VerticalLayout implements HasUrlParameter<String> {
    private final ConsolePorts ports = ConsolePorts.current();
    private final EventGrid timeline = new EventGrid();
    private final Paragraph verdict = new Paragraph();
    private final Grid<ShareRecord> links = new Grid<>();
    private String meeting;

    public MeetingView() {
        setId("meeting");
        setSizeFull();
        timeline.setId("timeline");
        verdict.setId("meeting-verdict");
        links.setId("share-links");
        links.setAllRowsVisible(true);
        links.addColumn(ShareRecord::shareId).setHeader("Link").setAutoWidth(true);
        links.addColumn(ShareRecord::createdBy).setHeader("Created by").setAutoWidth(true);
        links.addColumn(ShareRecord::expiresAt).setHeader("Expires").setAutoWidth(true);
        links.addColumn(r -> r.revokedAt() == null ? "active" : "revoked " + r.revokedAt())
                .setHeader("State")
                .setAutoWidth(true);
        links.addComponentColumn(this::revokeButton).setHeader("");
    }

    @Override
    public void setParameter(BeforeEvent event, String meetingId) {
        meeting = meetingId;
        removeAll();
        Member caller = ConsoleSession.require();
        List<AuditRecord> events;
        try {
            events = ports.meetings().auditTrail(caller, meetingId);
        } catch (DomainException e) {
            add(new H2("No meeting " + meetingId), new Paragraph(e.getMessage()));
            return;
        }
        timeline.setItems(events);
        verdict.setText(AuditView.describe(ports.audit().verifyMeeting(caller, meetingId)));
        add(new H2("Meeting " + meetingId), verdict, timeline, reviewForm(), new H3("Share links"), shareForm(), links);
        showLinks();
    }

    private HorizontalLayout reviewForm() {
        var comment = new TextArea("Review comment");
        comment.setId("review-comment");
        comment.setWidth("40em");
        var mark = new Button(
                "Mark reviewed",
                e -> Feedback.attempt(() ->
                                ports.browse().markReviewed(ConsoleSession.require(), meeting, comment.getValue()))
                        .ifPresent(r -> {
                            Feedback.success("Recorded as review event " + r.seq());
                            comment.clear();
                            timeline.setItems(ports.meetings().auditTrail(ConsoleSession.require(), meeting));
                        }));
        mark.setId("mark-reviewed");
        mark.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var form = new HorizontalLayout(comment, mark);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private HorizontalLayout shareForm() {
        var minutes = new IntegerField("Lifetime (minutes)");
        minutes.setId("share-minutes");
        minutes.setValue(60);
        minutes.setMin(1);
        minutes.setMax(10080);
        var url = new Paragraph();
        url.setId("share-url");
        var create = new Button(
                "Create share link",
                e -> Feedback.attempt(() -> ports.shares().share(ConsoleSession.require(), meeting, minutes.getValue()))
                        .ifPresent(link -> {
                            url.setText("Read-only link (on the API's address): " + link.url() + " until "
                                    + link.expiresAt());
                            showLinks();
                        }));
        create.setId("share");
        var form = new HorizontalLayout(minutes, create, url);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private Button revokeButton(ShareRecord link) {
        var revoke = new Button("Revoke", e -> {
            Feedback.attempt(() -> {
                        ports.shares().revoke(ConsoleSession.require(), link.shareId());
                        return link;
                    })
                    .ifPresent(l -> Feedback.success("Revoked " + l.shareId()));
            showLinks();
        });
        revoke.setEnabled(link.revokedAt() == null);
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return revoke;
    }

    private void showLinks() {
        ShareMeetingRecord shares = ports.shares();
        links.setItems(shares.list(ConsoleSession.require()).stream()
                .filter(r -> r.meetingId().equals(meeting))
                .toList());
    }
}
