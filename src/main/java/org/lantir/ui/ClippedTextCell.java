package org.lantir.ui;

import java.util.Objects;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A table cell of one line of text that, when its column is too narrow for the text, shows
 * the whole text in a tooltip. Columns are sized for typical values at 1280x800; a longer
 * value (a long procedure, an error message) is still readable this way, and a cell whose
 * text fits shows no tooltip to get in the way.
 *
 * @param <S> the table's row type
 * @param <T> the column's value type
 */
public class ClippedTextCell<S, T> extends TableCell<S, T> {

    private final Function<? super T, String> text;
    private final Tooltip whole = new Tooltip();

    /** A cell showing {@code text} of its value; a null value shows nothing. */
    public ClippedTextCell(Function<? super T, String> text) {
        this.text = Objects.requireNonNull(text);
        whole.setWrapText(true);
        whole.setMaxWidth(600);
    }

    /** A cell for a column of strings. */
    public static <S> ClippedTextCell<S, String> ofStrings() {
        return new ClippedTextCell<>(value -> value);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : text.apply(item));
    }

    /** After the skin laid the text out, the drawn text says whether the column cut it. */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        boolean cut = isCut();
        if (cut) {
            whole.setText(getText());
        }
        Tooltip wanted = cut ? whole : null;
        if (getTooltip() != wanted) {
            setTooltip(wanted);
        }
    }

    /** Whether the text is drawn shortened (with an ellipsis) for lack of room. */
    public boolean isCut() {
        String full = getText();
        if (full == null || full.isEmpty()) {
            return false;
        }
        for (Node child : getChildrenUnmodifiable()) {
            if (child instanceof Text drawn) {
                return !full.equals(drawn.getText());
            }
        }
        return false;
    }
}
