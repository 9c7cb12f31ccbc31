package nl.groningen.keukentafel.app.ui;

import java.util.function.Function;
import javafx.scene.control.ListCell;

/**
 * A list cell whose text wraps at the list's edge instead of running past it: a line of the
 * timeline or an agreement is read to its end without scrolling sideways, at 1366×768 too.
 *
 * @param <T> the list's item type
 */
public class WrappingCell<T> extends ListCell<T> {

    private final Function<? super T, String> text;

    /** A cell showing its item as {@code text} writes it. */
    public WrappingCell(Function<? super T, String> text) {
        this.text = text;
        setWrapText(true);
        // Not wider than the list: the cell then wraps at the list's width rather than widening the list's content.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : text.apply(item));
    }
}
