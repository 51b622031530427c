package org.lantir.ui;

import java.util.List;
import org.lantir.app.Lantir;
import org.lantir.app.RecentLog;
import org.lantir.config.ConfigStore;
import org.lantir.ui.config.ConfigEditorView;
import org.lantir.ui.config.ConfigEditorViewModel;
import org.lantir.ui.log.LogView;
import org.lantir.ui.log.LogViewModel;
import org.lantir.ui.mpps.MppsEventsView;
import org.lantir.ui.schedule.ScheduleView;
import org.lantir.ui.server.ServerView;
import org.lantir.ui.server.ServerViewModel;
import org.lantir.ui.sync.SyncView;

/** The console's screens, in navigation order. */
final class ConsoleViews {

    private ConsoleViews() {
    }

    static List<ConsoleView> create(ConsoleContext context) {
        return List.of(
                new ScheduleView(context),
                new ServerView(new ServerViewModel(context.lantir(), context.threads(),
                        context.clock())),
                SyncView.create(context),
                new MppsEventsView(context),
                configuration(context),
                new LogView(new LogViewModel(RecentLog.install(), RecentLog.rootLevel()),
                        context.clock().getZone()));
    }

    private static ConsoleView configuration(ConsoleContext context) {
        Lantir lantir = context.lantir();
        return new ConfigEditorView(new ConfigEditorViewModel(
                new ConfigStore(context.configFile()), lantir::apply, context.threads(),
                lantir.config()));
    }
}
