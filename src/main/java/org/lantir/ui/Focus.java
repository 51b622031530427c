package org.lantir.ui;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.util.Duration;

/**
 * Moving the keyboard focus to a control that is only just being shown: a screen's or a tab's
 * content becomes visible at the next layout pulse, and until then the scene ignores a focus
 * request. Asks again every {@value #STEP_MILLIS} ms until the control has the focus, for at
 * most {@value #ATTEMPTS} tries (a busy machine may delay the pulse).
 */
public final class Focus {

    static final int STEP_MILLIS = 50;
    static final int ATTEMPTS = 40;

    private Focus() {
    }

    /** Gives {@code node} the focus as soon as it can take it; call on the FX thread. */
    public static void soon(Node node) {
        attempt(node, ATTEMPTS);
    }

    private static void attempt(Node node, int left) {
        node.requestFocus();
        if (node.isFocused() || left <= 0) {
            return;
        }
        PauseTransition pause = new PauseTransition(Duration.millis(STEP_MILLIS));
        pause.setOnFinished(e -> attempt(node, left - 1));
        pause.play();
    }
}
