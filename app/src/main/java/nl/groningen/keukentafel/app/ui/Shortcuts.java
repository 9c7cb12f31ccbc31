package nl.groningen.keukentafel.app.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;

/** Keyboard shortcuts that belong to one screen: active while it is shown, gone when it is left. */
public final class Shortcuts {

    private Shortcuts() {
    }

    public static void bind(Node screen, KeyCombination keys, Runnable action) {
        screen.sceneProperty().addListener((o, oldScene, newScene) -> {
            if (oldScene != null && oldScene.getAccelerators().get(keys) == action) {
                oldScene.getAccelerators().remove(keys);
            }
            if (newScene != null) {
                newScene.getAccelerators().put(keys, action);
            }
        });
        Scene current = screen.getScene();
        if (current != null) {
            current.getAccelerators().put(keys, action);
        }
    }
}
