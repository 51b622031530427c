package org.lantir.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.lantir.ui.schedule.ScheduleView;

/** The console's screens, in navigation order. */
final class ConsoleViews {

    private ConsoleViews() {
    }

    static List<ConsoleView> create(ConsoleContext context) {
        return List.of(
                new ScheduleView(context),
                placeholder("Ser_ver"),
                placeholder("S_ync"),
                placeholder("_MPPS events"),
                placeholder("_Configuration"),
                placeholder("_Log"));
    }

    // TODO(#3): each placeholder is replaced by its screen as the screens land.
    private static ConsoleView placeholder(String title) {
        Label label = new Label(title.replace("_", "") + " is being built.");
        return new ConsoleView() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public Node root() {
                return label;
            }
        };
    }
}
