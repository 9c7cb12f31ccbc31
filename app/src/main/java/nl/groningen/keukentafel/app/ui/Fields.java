package nl.groningen.keukentafel.app.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/** Input controls set up the same way on every screen (dates typed and shown the Dutch way). */
public final class Fields {

    private Fields() {
    }

    /** A choice of wijk with "all wijken" (the empty string) first. */
    public static ComboBox<String> wijkBox(String id, List<String> wijken, Messages messages) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        List<String> items = new ArrayList<>();
        items.add("");
        items.addAll(wijken);
        box.getItems().setAll(items);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null || value.isEmpty() ? messages.text("caseload.allWijken") : value;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        return box;
    }

    /** A date picker that reads and writes dates as 22-11-2026 (or d-M-yyyy as typed). */
    public static DatePicker datePicker(String id, Messages messages) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        DateTimeFormatter typed = DateTimeFormatter.ofPattern("d-M-uuuu");
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return messages.date(date);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.trim().replace('/', '-').replace('.', '-'), typed);
                } catch (DateTimeParseException e) {
                    return picker.getValue();
                }
            }
        });
        picker.setPromptText(messages.text("field.datePrompt"));
        // A typed date counts as soon as the coach moves on, not only after Enter.
        picker.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                picker.commitValue();
            }
        });
        return picker;
    }
}
