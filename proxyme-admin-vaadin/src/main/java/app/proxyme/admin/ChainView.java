package app.proxyme.admin;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.aci.Hop;
import app.proxyme.domain.handoff.ChainTimeline;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * One chain's timeline, like the seed's "Session Timeline": per hop who handed to whom and how it ended, each of the
 * gateway's eleven checks with its outcome and ms, bytes, PII, anomaly flags (highlighted) and missing permissions;
 * then the chain's totals with what was accessed and blocked. A chain of another organisation, or one that does not
 * exist, is "no chain" whatever the URL says: {@link ChainTimeline} decides.
 */
@Route(value = "chains/chain", layout = ConsoleLayout.class)
@PageTitle("Chain timeline")
@Allowed(Capability.REVIEW_AUDIT)
public class ChainView extends VerticalLayout implements HasUrlParameter<String> {
    public ChainView() {
        setId("chain");
        setSizeFull();
    }

    @Override
    public void setParameter(BeforeEvent event, String chainId) {
        removeAll();
        ChainTimeline.Timeline timeline;
        try {
            timeline = ConsolePorts.current().chains().timeline(ConsoleSession.require(), chainId);
        } catch (DomainException e) {
            add(new H2("No chain " + chainId), new Paragraph(e.getMessage()));
            return;
        }
        var summary = new Paragraph(ChainText.summary(timeline.summary()));
        summary.setId("chain-summary");
        add(
                new H2("Chain " + chainId),
                new Paragraph("For " + timeline.chain().user() + ", started "
                        + timeline.chain().startedAt() + " · " + timeline.status()),
                summary);
        int index = 1;
        for (Hop hop : timeline.hops()) {
            add(hop(index++, hop));
        }
    }

    private static Div hop(int index, Hop hop) {
        var block = new Div();
        block.addClassName("hop");
        block.setWidthFull();
        block.add(new H3(ChainText.heading(index, hop)), new Paragraph(ChainText.figures(hop)));
        String anomalies = ChainText.anomalies(hop);
        if (!anomalies.isEmpty()) {
            var flags = new Paragraph(anomalies);
            flags.addClassName("anomaly");
            flags.getStyle()
                    .set("color", "var(--lumo-error-text-color)")
                    .set("background", "var(--lumo-error-color-10pct)")
                    .set("font-weight", "600");
            block.add(flags);
        }
        var checks = new Grid<ChainText.CheckRow>();
        checks.addClassName("hop-checks");
        checks.setAllRowsVisible(true);
        checks.addColumn(ChainText.CheckRow::check).setHeader("Check");
        checks.addColumn(ChainText.CheckRow::state).setHeader("Outcome");
        checks.addColumn(ChainText.CheckRow::ms).setHeader("ms");
        checks.setItems(ChainText.checks(hop));
        block.add(checks);
        return block;
    }
}
