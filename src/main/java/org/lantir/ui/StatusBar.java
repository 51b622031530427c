package org.lantir.ui;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;

/** The bottom line of the window: memory in use and uptime. */
final class StatusBar implements AutoCloseable {

    private final HBox root = new HBox();
    private final Timeline ticker;

    StatusBar(StatusBarModel model) {
        Label memory = new Label();
        memory.textProperty().bind(model.memoryProperty());
        memory.setId("status-memory");
        Label uptime = new Label();
        uptime.textProperty().bind(model.uptimeProperty());
        uptime.setId("status-uptime");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        root.getChildren().addAll(spacer, memory, uptime);
        root.getStyleClass().add("status-bar");

        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refresh()));
        ticker.setCycleCount(Animation.INDEFINITE);
        ticker.play();
    }

    HBox root() {
        return root;
    }

    @Override
    public void close() {
        ticker.stop();
    }
}
