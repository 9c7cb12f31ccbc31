package nl.groningen.keukentafel.app.ui;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;

/**
 * Keeps the field with the keyboard focus in view inside a scroll pane: a coach who tabs through a
 * long form always sees where they type. (JavaFX's ScrollPane does not do this by itself.)
 */
public final class ScrollToFocused {

    private ScrollToFocused() {
    }

    public static void install(ScrollPane scroll) {
        ChangeListener<Node> onFocus = (o, old, focused) -> {
            if (focused != null && isInside(focused, scroll.getContent())) {
                reveal(scroll, focused);
            }
        };
        scroll.sceneProperty().addListener((o, oldScene, newScene) -> {
            if (oldScene != null) {
                oldScene.focusOwnerProperty().removeListener(onFocus);
            }
            if (newScene != null) {
                newScene.focusOwnerProperty().addListener(onFocus);
            }
        });
    }

    private static boolean isInside(Node node, Node container) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    private static void reveal(ScrollPane scroll, Node node) {
        Node content = scroll.getContent();
        Scene scene = node.getScene();
        if (scene == null) {
            return;
        }
        Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double viewport = scroll.getViewportBounds().getHeight();
        double total = content.getBoundsInLocal().getHeight();
        if (total <= viewport) {
            return;
        }
        double top = scroll.getVvalue() * (total - viewport);
        double newTop = top;
        if (inContent.getMinY() < top) {
            newTop = inContent.getMinY() - 8;
        } else if (inContent.getMaxY() > top + viewport) {
            newTop = inContent.getMaxY() - viewport + 8;
        }
        if (newTop != top) {
            scroll.setVvalue(Math.max(0, Math.min(1, newTop / (total - viewport))));
            scroll.layout();
        }
    }
}
