package org.lantir.ui;

import javafx.scene.Node;

/** One screen of the console, as the navigation shows it. */
public interface ConsoleView extends AutoCloseable {

    /** The navigation label; an underscore marks its mnemonic, e.g. {@code "_Schedule"}. */
    String title();

    Node root();

    /** Called each time the screen is brought to the front, e.g. to focus its first field. */
    default void shown() {
    }

    /** Ends the screen's subscriptions when the window closes. */
    @Override
    default void close() {
    }
}
