package org.lantir.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/**
 * What a window test reads of a table's look: which texts its columns cut short. Call on the
 * JavaFX thread, after a layout pass.
 */
public final class TableChecks {

    private TableChecks() {
    }

    /** Whether a label or cell draws its text shortened, with an ellipsis. */
    public static boolean isCut(Labeled labeled) {
        String full = labeled.getText();
        if (full == null || full.isEmpty()) {
            return false;
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text drawn) {
                return !full.equals(drawn.getText());
            }
        }
        return false;
    }

    /**
     * {@code "Column: text"} for every cell shown whose text is cut, its graphic's (a status
     * pill's) text included.
     */
    public static List<String> cutCells(TableView<?> table) {
        List<String> cut = new ArrayList<>();
        for (Node node : table.lookupAll(".table-cell")) {
            if (!(node instanceof TableCell<?, ?> cell) || cell.isEmpty()
                    || cell.getTableColumn() == null) {
                continue;
            }
            String column = cell.getTableColumn().getText();
            if (isCut(cell)) {
                cut.add(column + ": " + cell.getText());
            }
            if (cell.getGraphic() instanceof Labeled pill && isCut(pill)) {
                cut.add(column + ": " + pill.getText());
            }
        }
        return cut;
    }

    /** The column titles the header cuts. */
    public static List<String> cutHeaders(TableView<?> table) {
        List<String> cut = new ArrayList<>();
        for (Node node : table.lookupAll(".column-header .label")) {
            if (node instanceof Labeled title && isCut(title)) {
                cut.add(title.getText());
            }
        }
        return cut;
    }

    /**
     * Whether {@code text} fits on one line in the cells of the column titled {@code title},
     * in their font and padding: room for values no row of the test has.
     */
    public static boolean fits(TableView<?> table, String title, String text) {
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && !cell.isEmpty()
                    && cell.getTableColumn() != null
                    && title.equals(cell.getTableColumn().getText())) {
                Text probe = new Text(text);
                probe.setFont(cell.getFont());
                double needed = probe.getLayoutBounds().getWidth()
                        + cell.snappedLeftInset() + cell.snappedRightInset();
                return needed <= cell.getWidth();
            }
        }
        throw new AssertionError("no cell shown in column " + title);
    }
}
