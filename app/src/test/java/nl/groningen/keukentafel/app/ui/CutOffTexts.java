package nl.groningen.keukentafel.app.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Finds text cut off on the screen: a label, button, check box or list cell that shows an
 * ellipsis in place of its end, a table cell whose text runs past its column, a list whose lines
 * run past its right edge. Looks in every window that shows, dialogs too.
 */
final class CutOffTexts {

    private final List<String> cutOff = new ArrayList<>();

    /** What was found cut off so far, each with the screen it was on. */
    List<String> found() {
        return cutOff;
    }

    /** Notes every text cut off in the stage's scene now. */
    void look(FxRobot robot, String screen) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (Window window : Window.getWindows()) {
                if (window.isShowing() && window.getScene() != null) {
                    window.getScene().getRoot().applyCss();
                    window.getScene().getRoot().layout();
                    collect(screen, window.getScene().getRoot());
                }
            }
        });
    }

    private void collect(String screen, Node node) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            String shown = shownText(labeled);
            String full = labeled.isMnemonicParsing() ? labeled.getText().replaceFirst("_", "") : labeled.getText();
            if (shown != null && !shown.equals(full) && shown.endsWith(labeled.getEllipsisString())) {
                cutOff.add(screen + ": " + name(labeled) + " \"" + labeled.getText() + "\" shows \"" + shown + "\"");
            }
        }
        if (node instanceof TableCell<?, ?> cell && cell.getText() != null && cell.getGraphic() == null) {
            for (Node child : cell.getChildrenUnmodifiable()) {
                if (child instanceof Text text && text.getText() != null && text.getText().equals(cell.getText())
                        && text.getLayoutBounds().getWidth() > cell.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset() + 0.5) {
                    cutOff.add(screen + ": " + name(cell) + " \"" + cell.getText() + "\" runs past its column");
                }
            }
        }
        if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL
                && (bar.getParent() instanceof VirtualFlow<?>)) {
            cutOff.add(screen + ": " + name(bar) + " lines run past the list's right edge");
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(screen, child);
            }
        }
    }

    /** The text a label's skin draws: the whole text, or its start and an ellipsis. */
    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && text.getStyleClass().contains("text")) {
                return text.getText();
            }
        }
        return null;
    }

    static String name(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getId() != null && !n.getId().equals("virtual-flow")) {
                return (n == node ? "#" : "in #") + n.getId() + " (" + node.getClass().getSimpleName() + ")";
            }
        }
        return node.getClass().getSimpleName();
    }
}
