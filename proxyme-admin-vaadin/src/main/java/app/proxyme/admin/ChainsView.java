package app.proxyme.admin;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.aci.Chain;
import app.proxyme.domain.handoff.ChainTimeline;
import app.proxyme.domain.policy.Member;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.Instant;
import java.util.List;

/**
 * The organisation's agent chains, newest first (admins and the compliance reviewer): who started each, when, how it
 * stands and its hops. A chain opens its timeline ({@link ChainView}).
 */
@Route(value = "chains", layout = ConsoleLayout.class)
@PageTitle("Agent chains")
@Allowed(Capability.REVIEW_AUDIT)
public class ChainsView extends VerticalLayout {
    /** The most recent chains shown: each row reads its chain's timeline for its status and hops. */
    static final int SHOWN = 50;

    /** A chain as listed. */
    record Row(String chainId, String user, Instant started, String status, int hops) {}

    public ChainsView() {
        setId("chains");
        setSizeFull();
        var grid = new Grid<Row>();
        grid.setId("chain-list");
        grid.setAllRowsVisible(true);
        grid.addColumn(Row::chainId).setHeader("Chain").setAutoWidth(true);
        grid.addColumn(Row::user).setHeader("User").setAutoWidth(true);
        grid.addColumn(Row::started).setHeader("Started (UTC)").setAutoWidth(true);
        grid.addColumn(Row::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(Row::hops).setHeader("Hops").setAutoWidth(true);
        grid.addItemClickListener(e ->
                getUI().ifPresent(ui -> ui.navigate(ChainView.class, e.getItem().chainId())));
        grid.setItems(rows(ConsolePorts.current().chains(), ConsoleSession.require()));
        add(new H2("Agent chains"), new Paragraph("The newest " + SHOWN + " chains; open one for its timeline."), grid);
    }

    static List<Row> rows(ChainTimeline chains, Member viewer) {
        return chains.chains(viewer, SHOWN).stream()
                .map(c -> row(chains, viewer, c))
                .toList();
    }

    private static Row row(ChainTimeline chains, Member viewer, Chain chain) {
        try {
            ChainTimeline.Timeline t = chains.timeline(viewer, chain.chainId());
            return new Row(
                    chain.chainId(),
                    chain.user(),
                    chain.startedAt(),
                    t.status(),
                    t.summary().hops());
        } catch (DomainException e) {
            return new Row(chain.chainId(), chain.user(), chain.startedAt(), "?", 0);
        }
    }
}
