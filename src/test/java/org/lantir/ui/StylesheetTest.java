package org.lantir.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/**
 * The shared stylesheet parses cleanly. JavaFX only warns about a broken rule and then drops
 * every rule after it, so a lost brace would silently unstyle half the window.
 */
class StylesheetTest {

    @Test
    void theConsoleStylesheetHasNoParseErrors() throws Exception {
        CssParser.errorsProperty().clear();

        new CssParser().parse(new URL(Console.STYLESHEET));

        assertThat(CssParser.errorsProperty()).isEmpty();
    }
}
