package app.proxyme.admin;

import app.proxyme.domain.access.Capability;
import app.proxyme.domain.audit.AuditExport;
import app.proxyme.domain.audit.ChainVerdict;
import app.proxyme.domain.audit.ExportQuery;
import app.proxyme.domain.port.in.ReviewAudit;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;

/** The compliance reviewer's screen: verify the organisation's chain, export it as JSON Lines or CSV. */
@Route(value = "audit", layout = ConsoleLayout.class)
@PageTitle("Audit review")
@Allowed(Capability.REVIEW_AUDIT)
public class AuditView extends VerticalLayout {
    private final ReviewAudit audit = ConsolePorts.current().audit();
    private final Paragraph verdict = new Paragraph();

    public AuditView() {
        setId("audit");
        verdict.setId("verdict");
        var verify = new Button(
                "Verify integrity",
                e -> Feedback.attempt(() -> audit.verify(ConsoleSession.require()))
                        .ifPresent(v -> verdict.setText(describe(v))));
        verify.setId("verify");
        add(new H2("Audit review"), new HorizontalLayout(verify, download("jsonl"), download("csv")), verdict);
    }

    private Anchor download(String format) {
        var link = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    AuditExport export = audit.export(
                            ConsoleSession.require(), new ExportQuery(format, null, null, null, null, null));
                    return null;
                }),
                "Export " + format.toUpperCase(java.util.Locale.ROOT));
        link.setId("export-" + format);
        return link;
    }

    static String describe(ChainVerdict v) {
        return v.ok()
                ? "Intact: " + v.events() + " events, head " + v.head()
                : "BROKEN at event " + v.firstBadSeq() + " (" + v.firstBad() + "): " + v.reason();
    }
}
