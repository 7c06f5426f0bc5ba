package app.proxyme.admin;

import app.proxyme.domain.audit.AuditRecord;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.router.RouterLink;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Audit events in a grid: one row each, the meeting linking to its timeline. */
final class EventGrid extends Grid<AuditRecord> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    EventGrid() {
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(AuditRecord::seq).setHeader("Seq").setAutoWidth(true).setFlexGrow(0);
        addColumn(r -> TIME.format(r.ts()))
                .setHeader("Time (UTC)")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(r -> r.entry().type().wire()).setHeader("Type").setAutoWidth(true);
        addComponentColumn(r -> r.entry().meeting() == null
                        ? new RouterLink()
                        : new RouterLink(
                                r.entry().meeting(),
                                MeetingView.class,
                                r.entry().meeting()))
                .setHeader("Meeting")
                .setAutoWidth(true);
        addColumn(r -> r.entry().user()).setHeader("Member").setAutoWidth(true);
        addColumn(r -> r.entry().topic()).setHeader("Topic").setAutoWidth(true);
        addColumn(r -> r.entry().outcome()).setHeader("Outcome").setAutoWidth(true);
        addColumn(r -> r.entry().layer()).setHeader("Layer").setAutoWidth(true);
        addColumn(r -> r.entry().actor()).setHeader("Actor").setAutoWidth(true);
        addColumn(r -> r.entry().detail().toString()).setHeader("Detail").setFlexGrow(1);
    }
}
