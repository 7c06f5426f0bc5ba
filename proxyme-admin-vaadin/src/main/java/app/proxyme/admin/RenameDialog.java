package app.proxyme.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/** Asks for a new name and hands it on. */
final class RenameDialog {
    private RenameDialog() {}

    static void open(String current, Consumer<String> rename) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Rename " + current);
        var name = new TextField("New name");
        name.setId("rename-to");
        name.setValue(current);
        var ok = new Button("Rename", e -> {
            dialog.close();
            rename.accept(name.getValue().strip());
        });
        ok.setId("rename-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(name);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), ok);
        dialog.open();
    }
}
