package org.lantir.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.lantir.app.RecentLog;
import org.lantir.ui.log.LogView;
import org.lantir.ui.log.LogViewModel;
import org.lantir.ui.server.ServerView;
import org.lantir.ui.server.ServerViewModel;

/** The console's screens, in navigation order. */
final class ConsoleViews {

    private ConsoleViews() {
    }

    static List<ConsoleView> create(ConsoleContext context) {
        return List.of(
                placeholder("_Schedule"),
                new ServerView(new ServerViewModel(context.lantir(), context.threads(),
                        context.clock())),
                placeholder("S_ync"),
                placeholder("_MPPS events"),
                placeholder("_Configuration"),
                new LogView(new LogViewModel(RecentLog.install(), RecentLog.rootLevel()),
                        context.clock().getZone()));
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
