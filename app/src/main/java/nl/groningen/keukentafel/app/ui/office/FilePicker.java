package nl.groningen.keukentafel.app.ui.office;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Where the office screens ask for a file to open or a place to save one (tests answer without a dialog). */
public interface FilePicker {

    /** The file to open, or null when the user cancelled. */
    Path open(Window owner, String title, String filterName, String pattern);

    /** Where to save, or null when the user cancelled. */
    Path save(Window owner, String title, String suggestedName, String filterName, String pattern);

    /** The system's file dialogs. */
    static FilePicker system() {
        return new FilePicker() {
            @Override
            public Path open(Window owner, String title, String filterName, String pattern) {
                FileChooser chooser = chooser(title, filterName, pattern);
                File file = chooser.showOpenDialog(owner);
                return file == null ? null : file.toPath();
            }

            @Override
            public Path save(Window owner, String title, String suggestedName, String filterName, String pattern) {
                FileChooser chooser = chooser(title, filterName, pattern);
                chooser.setInitialFileName(suggestedName);
                File file = chooser.showSaveDialog(owner);
                return file == null ? null : file.toPath();
            }

            private FileChooser chooser(String title, String filterName, String pattern) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, pattern));
                return chooser;
            }
        };
    }
}
