package org.lantir.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.lantir.app.Lantir;
import org.lantir.app.RecentLog;
import org.lantir.config.ConfigStore;
import org.lantir.ui.config.ConfigEditorView;
import org.lantir.ui.config.ConfigEditorViewModel;
import org.lantir.ui.log.LogView;
import org.lantir.ui.log.LogViewModel;
import org.lantir.ui.mpps.MppsEventsView;
import org.lantir.ui.mpps.MppsTestDialog;
import org.lantir.ui.schedule.ScheduleView;
import org.lantir.ui.server.ServerView;
import org.lantir.ui.server.ServerViewModel;
import org.lantir.ui.sync.SyncView;
import org.lantir.worklist.WorklistItem;

/** The console's screens, in navigation order. */
final class ConsoleViews {

    private static final KeyCombination MPPS_TEST =
            new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN);

    private ConsoleViews() {
    }

    static List<ConsoleView> create(ConsoleContext context) {
        return List.of(
                schedule(context),
                new ServerView(new ServerViewModel(context.lantir(), context.threads(),
                        context.clock())),
                SyncView.create(context),
                new MppsEventsView(context),
                configuration(context),
                new LogView(new LogViewModel(RecentLog.install(), RecentLog.rootLevel()),
                        context.clock().getZone()));
    }

    /**
     * The schedule, with the MPPS test for its selected row (Ctrl+M) added here, so neither
     * screen's package needs the other.
     */
    private static ConsoleView schedule(ConsoleContext context) {
        ScheduleView view = new ScheduleView(context);
        ReadOnlyObjectProperty<WorklistItem> selected = view.model().selectedItemProperty();
        Runnable openTest = () -> {
            if (selected.get() != null) {
                MppsTestDialog.show(context, selected.get(), view.root().getScene().getWindow());
            }
        };
        Button mppsTest = new Button("MPPS test…");
        mppsTest.setId("schedule-mpps-test");
        mppsTest.setTooltip(new Tooltip("Send N-CREATE and then N-SET for the selected row, "
                + "as a scanner would (Ctrl+M)"));
        mppsTest.disableProperty().bind(selected.isNull());
        mppsTest.setOnAction(e -> openTest.run());
        view.rowActions().getChildren().add(mppsTest);
        view.root().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (MPPS_TEST.match(e)) {
                openTest.run();
                e.consume();
            }
        });
        return view;
    }

    private static ConsoleView configuration(ConsoleContext context) {
        Lantir lantir = context.lantir();
        return new ConfigEditorView(new ConfigEditorViewModel(
                new ConfigStore(context.configFile()), lantir::apply, context.threads(),
                lantir.config()));
    }
}
