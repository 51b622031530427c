package org.lantir.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lantir.app.RecentLog;

/** The Log screen's view model over a recent log of its own logging context. */
class LogViewModelTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("org.lantir.dicom.net.DicomServer");

    private RecentLog recentLog(int capacity) {
        RecentLog log = new RecentLog(capacity);
        log.setContext(context);
        log.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.DEBUG);
        root.addAppender(log);
        return log;
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void theLevelFilterShowsThatLevelAndMoreSevere() {
        LogViewModel model = new LogViewModel(recentLog(100), org.slf4j.event.Level.DEBUG);
        logger.error("e");
        logger.warn("w");
        logger.info("i");
        logger.debug("d");
        model.refresh();

        assertThat(model.levelProperty().get()).isEqualTo(org.slf4j.event.Level.INFO);
        assertThat(messages(model)).containsExactly("e", "w", "i");

        model.levelProperty().set(org.slf4j.event.Level.ERROR);
        assertThat(messages(model)).containsExactly("e");
        model.levelProperty().set(org.slf4j.event.Level.WARN);
        assertThat(messages(model)).containsExactly("e", "w");
        model.levelProperty().set(org.slf4j.event.Level.DEBUG);
        assertThat(messages(model)).containsExactly("e", "w", "i", "d");
        assertThat(model.summaryProperty().get())
                .isEqualTo("4 of 4 lines shown (the last 100 are kept)");
    }

    @Test
    void newLinesArriveAtTheBottomOnEachRefresh() {
        LogViewModel model = new LogViewModel(recentLog(100), org.slf4j.event.Level.INFO);
        logger.info("first");
        model.refresh();
        logger.info("second");
        logger.info("third");

        assertThat(messages(model)).as("nothing until the refresh").containsExactly("first");
        model.refresh();
        assertThat(messages(model)).containsExactly("first", "second", "third");
        model.refresh();
        assertThat(messages(model)).as("a refresh adds each line once")
                .containsExactly("first", "second", "third");
    }

    @Test
    void atMostTheCapacityIsKeptTheOldestLeavingFirst() {
        LogViewModel model = new LogViewModel(recentLog(5), org.slf4j.event.Level.INFO);
        for (int i = 0; i < 3; i++) {
            logger.info("a{}", i);
        }
        model.refresh();
        for (int i = 0; i < 4; i++) {
            logger.info("b{}", i);
        }
        model.refresh();

        assertThat(messages(model)).containsExactly("a2", "b0", "b1", "b2", "b3");

        for (int i = 0; i < 12; i++) {
            logger.info("c{}", i);
        }
        model.refresh();
        assertThat(messages(model)).containsExactly("c7", "c8", "c9", "c10", "c11");
    }

    @Test
    void clearEmptiesTheScreenAndLaterLinesStillCome() {
        LogViewModel model = new LogViewModel(recentLog(100), org.slf4j.event.Level.INFO);
        logger.info("before");
        model.refresh();

        model.clear();
        assertThat(model.lines()).isEmpty();
        logger.info("after");
        model.refresh();

        assertThat(messages(model)).containsExactly("after");
    }

    @Test
    void aLevelTheConfigurationKeepsOutIsExplained() {
        LogViewModel model = new LogViewModel(recentLog(100), org.slf4j.event.Level.INFO);
        assertThat(model.noteProperty().get()).isEmpty();

        model.levelProperty().set(org.slf4j.event.Level.DEBUG);

        assertThat(model.noteProperty().get()).contains("records INFO and above")
                .contains("LANTIR_LOG_LEVEL=DEBUG");
        model.levelProperty().set(org.slf4j.event.Level.WARN);
        assertThat(model.noteProperty().get()).isEmpty();
    }

    @Test
    void followsTheNewestLineUntilTold() {
        LogViewModel model = new LogViewModel(recentLog(100), org.slf4j.event.Level.INFO);
        assertThat(model.followProperty().get()).isTrue();
        model.followProperty().set(false);
        logger.info("line");
        model.refresh();
        assertThat(model.followProperty().get()).as("new lines do not change it").isFalse();
    }

    private static java.util.List<String> messages(LogViewModel model) {
        return model.lines().stream().map(RecentLog.Line::message).toList();
    }
}
