package nl.groningen.keukentafel.app.ui;

import java.util.function.Function;
import javafx.geometry.VPos;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableCell;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * A table cell that shows one line of text, drawn by a single {@link Text} node. JavaFX's default
 * cell skin is made for labels (graphics, mnemonics, wrapping, ellipsis) and costs several times
 * as much to set up and style; a list of a whole caseload shows well over a hundred cells at once,
 * all made at the first showing. The cell itself stays a normal {@link TableCell}: its text (which
 * screen readers read), its style classes, and its font and text colour from the style sheet
 * (selected rows, "due") work as before. Text longer than the column is cut off at the column's edge.
 *
 * @param <S> the table's row type
 * @param <T> the column's value type
 */
public class PlainTextCell<S, T> extends TableCell<S, T> {

    private final Function<? super T, String> format;

    /** A cell showing its value as {@code format} writes it (nothing for an empty row or no value). */
    public PlainTextCell(Function<? super T, String> format) {
        this.format = format;
    }

    /** A cell for a column of texts. */
    public static <S> PlainTextCell<S, String> ofText() {
        return new PlainTextCell<>(Function.identity());
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : format.apply(item));
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new PlainTextCellSkin(this);
    }

    /** One {@link Text}, vertically centred, inside the cell's padding, clipped to the cell. */
    private static final class PlainTextCellSkin extends SkinBase<TableCell<?, ?>> {
        /** The cell property JavaFX's tables set while fitting a column to its content. */
        private static final String DEFER_TO_PARENT_PREF_WIDTH = "deferToParentPrefWidth";

        private final Text text = new Text();
        private final Rectangle clip = new Rectangle();

        PlainTextCellSkin(TableCell<?, ?> cell) {
            super(cell);
            text.getStyleClass().add("text");
            text.setTextOrigin(VPos.TOP);
            text.setManaged(false);
            text.textProperty().bind(cell.textProperty());
            text.fontProperty().bind(cell.fontProperty());
            text.fillProperty().bind(cell.textFillProperty());
            getChildren().add(text);
            clip.widthProperty().bind(cell.widthProperty());
            clip.heightProperty().bind(cell.heightProperty());
            cell.setClip(clip);
        }

        @Override
        protected void layoutChildren(double x, double y, double width, double height) {
            double textHeight = text.getLayoutBounds().getHeight();
            text.relocate(snapPositionX(x), snapPositionY(y + (height - textHeight) / 2));
        }

        /**
         * The column's width, as JavaFX's own cell skin gives it: the row lays its cells out at their
         * preferred widths. The text's own width only while the column is fitted to its content
         * (the header's double click), which asks the cell for it this way.
         */
        @Override
        protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
            TableCell<?, ?> cell = getSkinnable();
            if (Boolean.TRUE.equals(cell.getProperties().get(DEFER_TO_PARENT_PREF_WIDTH)) || cell.getTableColumn() == null) {
                return left + text.getLayoutBounds().getWidth() + right;
            }
            return snapSizeX(cell.getTableColumn().getWidth());
        }

        @Override
        protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
            return top + text.getLayoutBounds().getHeight() + bottom;
        }

        @Override
        protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
            return left + right;
        }

        @Override
        public void dispose() {
            text.textProperty().unbind();
            text.fontProperty().unbind();
            text.fillProperty().unbind();
            clip.widthProperty().unbind();
            clip.heightProperty().unbind();
            if (getSkinnable() != null && getSkinnable().getClip() == clip) {
                getSkinnable().setClip(null);
            }
            super.dispose();
        }
    }
}
