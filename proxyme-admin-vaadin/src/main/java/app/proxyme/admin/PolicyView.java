package app.proxyme.admin;

import app.proxyme.domain.DomainException;
import app.proxyme.domain.access.Capability;
import app.proxyme.domain.policy.InvalidPolicyException;
import app.proxyme.domain.port.in.ManagePolicy;
import app.proxyme.domain.port.in.ManagePolicy.PolicyChange;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import java.nio.charset.StandardCharsets;

/**
 * The policy as code: view the organisation's YAML, download it, upload or edit one, see what it would change (or
 * every problem with its line) before it is applied. Applying takes the import's path ({@link ManagePolicy#replace}):
 * validated whole, audited, tuples written.
 */
@Route(value = "policy", layout = ConsoleLayout.class)
@PageTitle("Policy as code")
@Allowed(Capability.MANAGE_POLICY)
public class PolicyView extends VerticalLayout {
    private static final int MAX_FILE = 1_000_000;

    private final ManagePolicy policy = ConsolePorts.current().policy();
    private final TextArea yaml = new TextArea("Policy file (YAML)");
    private final UnorderedList result = new UnorderedList();
    private final Button apply = new Button("Apply", e -> apply());
    private String checked;

    public PolicyView() {
        setId("policy");
        setSizeFull();
        yaml.setId("policy-yaml");
        yaml.setWidthFull();
        yaml.setHeight("28em");
        yaml.getStyle().set("font-family", "monospace");
        yaml.setMaxLength(MAX_FILE);
        yaml.addValueChangeListener(e -> apply.setEnabled(false));
        result.setId("policy-result");
        UI ui = UI.getCurrent();
        var upload = new Upload(UploadHandler.inMemory((metadata, data) -> ui.access(() -> {
            yaml.setValue(new String(data, StandardCharsets.UTF_8));
            check();
        })));
        upload.setId("policy-upload");
        upload.setMaxFileSize(MAX_FILE);
        upload.setAcceptedFileTypes(".yaml", ".yml", "application/yaml", "text/yaml");
        var check = new Button("Check changes", e -> check());
        check.setId("policy-check");
        apply.setId("policy-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        var reset = new Button("Reload stored policy", e -> load());
        var actions = new HorizontalLayout(check, apply, reset, download());
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(
                new H2("Policy as code"),
                new Paragraph("Edit or upload the file, check what it would change, then apply it."
                        + " An invalid file changes nothing and lists every problem with its line."),
                upload,
                yaml,
                actions,
                result);
        load();
    }

    private void load() {
        yaml.setValue(policy.export(ConsoleSession.require()));
        result.removeAll();
        apply.setEnabled(false);
    }

    private void check() {
        String text = yaml.getValue();
        result.removeAll();
        apply.setEnabled(false);
        try {
            PolicyChange change = policy.preview(ConsoleSession.require(), text);
            show(change);
            checked = text;
            apply.setEnabled(!change.changed().isEmpty());
        } catch (InvalidPolicyException e) {
            result.addClassName("errors");
            e.errors().forEach(p -> result.add(new ListItem("line " + p.line() + ": " + p.message())));
        } catch (DomainException | IllegalArgumentException e) {
            Feedback.error("Refused: " + e.getMessage());
        }
    }

    private void show(PolicyChange change) {
        result.removeClassName("errors");
        if (change.changed().isEmpty()) {
            result.add(new ListItem("No changes."));
            return;
        }
        change.changed().forEach(entry -> result.add(new ListItem("changes " + entry)));
        result.add(new ListItem(
                change.tuplesWritten() + " relationship tuples to write, " + change.tuplesDeleted() + " to delete"));
    }

    private void apply() {
        if (checked == null || !checked.equals(yaml.getValue())) {
            Feedback.error("Check the changes first");
            return;
        }
        Feedback.attempt(() -> policy.replace(ConsoleSession.require(), checked))
                .ifPresent(change -> Feedback.success("Applied: " + String.join(", ", change.changed())));
        load();
    }

    private Anchor download() {
        DownloadHandler handler = event -> {
            var caller = ConsoleSession.callerOf(event.getSession());
            if (caller.isEmpty()) {
                event.getResponse().setStatus(403);
                return;
            }
            event.setFileName(caller.get().org() + ".yaml");
            event.setContentType("application/yaml");
            event.getOutputStream().write(policy.export(caller.get()).getBytes(StandardCharsets.UTF_8));
        };
        var link = new Anchor(handler, "Download YAML");
        link.setId("policy-download");
        return link;
    }
}
