package org.lantir.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.lantir.app.Lantir;
import org.lantir.config.ConfigStore;
import org.lantir.ui.config.ConfigEditorView;
import org.lantir.ui.config.ConfigEditorViewModel;
import org.lantir.ui.mpps.MppsEventsView;
import org.lantir.ui.schedule.ScheduleView;
import org.lantir.ui.sync.SyncView;

/** The console's screens, in navigation order. */
final class ConsoleViews {

    private ConsoleViews() {
    }

    static List<ConsoleView> create(ConsoleContext context) {
        return List.of(
                new ScheduleView(context),
                placeholder("Ser_ver"),
                SyncView.create(context),
                new MppsEventsView(context),
                configuration(context),
                placeholder("_Log"));
    }

    private static ConsoleView configuration(ConsoleContext context) {
        Lantir lantir = context.lantir();
        return new ConfigEditorView(new ConfigEditorViewModel(
                new ConfigStore(context.configFile()), lantir::apply, context.threads(),
                lantir.config()));
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
