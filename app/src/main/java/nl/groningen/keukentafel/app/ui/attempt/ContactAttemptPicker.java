package nl.groningen.keukentafel.app.ui.attempt;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import nl.groningen.keukentafel.app.ui.DialogButtons;
import nl.groningen.keukentafel.app.ui.EnumLabels;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.ContactChannel;
import nl.groningen.keukentafel.contract.ContactResult;

/**
 * Asks how a contact attempt went in two keystrokes: a digit for the channel, a digit for the
 * result (or two clicks). With the key that opens it, logging takes three.
 */
public final class ContactAttemptPicker {

    /** The channel and result chosen. */
    public record Choice(ContactChannel channel, ContactResult result) {
    }

    static final List<ContactResult> RESULTS = List.of(ContactResult.NO_ANSWER, ContactResult.REACHED,
            ContactResult.APPOINTMENT_MADE, ContactResult.DECLINED, ContactResult.WRONG_NUMBER, ContactResult.SENT);

    private ContactAttemptPicker() {
    }

    public static Optional<Choice> pick(Window owner, Messages messages, String residentName) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.text("attempt.title"));
        dialog.getDialogPane().setId("attemptDialog");
        dialog.getDialogPane().getButtonTypes().add(DialogButtons.cancel(messages));

        Label prompt = new Label(messages.text("attempt.channelPrompt", residentName));
        prompt.setId("attemptPrompt");
        FlowPane options = new FlowPane(6, 6);
        options.setPrefWrapLength(520);
        VBox content = new VBox(10, prompt, options);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);

        ContactChannel[] chosen = new ContactChannel[1];
        Runnable[] showResults = new Runnable[1];
        Runnable showChannels = () -> {
            options.getChildren().clear();
            ContactChannel[] channels = ContactChannel.values();
            for (int i = 0; i < channels.length; i++) {
                ContactChannel channel = channels[i];
                Button button = new Button((i + 1) + "  " + EnumLabels.of(messages, "channel", channel));
                button.setId("attemptChannel" + (i + 1));
                button.setOnAction(e -> {
                    chosen[0] = channel;
                    showResults[0].run();
                });
                options.getChildren().add(button);
            }
        };
        showResults[0] = () -> {
            prompt.setText(messages.text("attempt.resultPrompt", EnumLabels.of(messages, "channel", chosen[0])));
            options.getChildren().clear();
            for (int i = 0; i < RESULTS.size(); i++) {
                ContactResult result = RESULTS.get(i);
                Button button = new Button((i + 1) + "  " + EnumLabels.of(messages, "result", result));
                button.setId("attemptResult" + (i + 1));
                button.setOnAction(e -> {
                    dialog.setResult(new Choice(chosen[0], result));
                    dialog.close();
                });
                options.getChildren().add(button);
            }
        };
        showChannels.run();

        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            int digit = digit(e.getCode());
            if (digit < 1) {
                return;
            }
            if (chosen[0] == null && digit <= ContactChannel.values().length) {
                chosen[0] = ContactChannel.values()[digit - 1];
                showResults[0].run();
                e.consume();
            } else if (chosen[0] != null && digit <= RESULTS.size()) {
                dialog.setResult(new Choice(chosen[0], RESULTS.get(digit - 1)));
                dialog.close();
                e.consume();
            }
        });
        dialog.setResultConverter(button -> null);
        return dialog.showAndWait();
    }

    private static int digit(KeyCode code) {
        if (code.isDigitKey()) {
            String name = code.getName();
            char c = name.charAt(name.length() - 1);
            return Character.isDigit(c) ? c - '0' : -1;
        }
        return -1;
    }
}
