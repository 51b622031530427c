package org.lantir.ui.config;

import atlantafx.base.theme.Styles;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import javafx.util.converter.DefaultStringConverter;
import org.lantir.config.CloseAction;
import org.lantir.config.ConfigSecrets;
import org.lantir.sync.calpendo.CalpendoField;
import org.lantir.sync.redcap.RedcapSource;
import org.lantir.ui.ConsoleView;
import org.lantir.ui.Focus;
import org.lantir.worklist.ProcedureStepStatus;

/**
 * The configuration screen: the server and database form, the data sources with their own
 * forms, and the whole file as JSON; the problems and what the last save did below, with
 * Save and Revert. Everything binds to {@link ConfigEditorViewModel}.
 */
public final class ConfigEditorView implements ConsoleView {

    private static final double MESSAGES_MAX_HEIGHT = 160;

    /** How long typing in the JSON pauses before it is read. */
    private static final Duration JSON_PAUSE = Duration.millis(300);
    /** A mapping line the JSON tab edits: more than the table's columns can show. */
    private static final PseudoClass JSON_ONLY = PseudoClass.getPseudoClass("json-only");

    private final ConfigEditorViewModel model;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final TextArea json = new TextArea();
    private final PauseTransition jsonPause = new PauseTransition(JSON_PAUSE);
    private final TextField aeTitleField;
    private final ListView<SourceForm> sourceList = new ListView<>();
    private final ScrollPane sourceDetail = new ScrollPane();
    private Tab sourcesTab;
    private Button addRedcapButton;
    private boolean showingModelJson;
    private boolean readOnce;

    public ConfigEditorView(ConfigEditorViewModel model) {
        this.model = model;
        aeTitleField = textField(model.aeTitle(), "config-ae-title", "e.g. MWL_SERVER");
        sourcesTab = tab("Data sources", sourcesPane());
        tabs.getTabs().addAll(tab("Server", serverPane()), sourcesTab, tab("JSON", jsonPane()));
        tabs.setId("config-tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, old, now) ->
                flushJson());
        root.setTop(header());
        root.setCenter(tabs);
        root.setBottom(footer());
        root.getStyleClass().addAll("screen", "config-editor");
    }

    @Override
    public String title() {
        return "_Configuration";
    }

    @Override
    public Node root() {
        return root;
    }

    /** The first time: reads the file. Every time: the first field gets the focus. */
    @Override
    public void shown() {
        if (!readOnce) {
            readOnce = true;
            model.load();
        }
        Platform.runLater(aeTitleField::requestFocus);
    }

    @Override
    public void close() {
        jsonPause.stop();
    }

    /**
     * The way in from "Add a data source" (Getting started): the Data sources tab, the focus
     * on its first Add button. Call after the screen is shown.
     */
    public void startAddingSource() {
        tabs.getSelectionModel().select(sourcesTab);
        // After shown()'s own focus request, once the tab's content is laid out.
        Platform.runLater(() -> Focus.soon(addRedcapButton));
    }

    /** Reads the file again, e.g. after another file was copied over it. */
    public void reload() {
        readOnce = true;
        model.load();
    }

    // ---- layout ----

    private Node header() {
        Label title = new Label("Configuration");
        title.getStyleClass().add("screen-title");
        Label file = new Label("File: " + model.configFile() + "  ·  the previous version is "
                + "kept as " + model.backupFile().getFileName());
        file.getStyleClass().add(Styles.TEXT_MUTED);
        file.setId("config-file");
        VBox header = new VBox(4, title, file);
        header.setPadding(new Insets(0, 0, 8, 0));
        return header;
    }

    private Node serverPane() {
        GridPane grid = grid();
        int row = 0;
        row = addRow(grid, row, "A_E title", aeTitleField, model.aeTitle(),
                "The called AE title the scanners use (at most 16 characters).");
        row = addRow(grid, row, "_Port", textField(model.port(), "config-port", "4242"),
                model.port(), "1 to 65535; ports below 1024 may need administrator rights.");
        row = addRow(grid, row, "_Bind address",
                textField(model.bindAddress(), "config-bind-address", "0.0.0.0"),
                model.bindAddress(), "0.0.0.0 listens on every network interface; "
                        + "127.0.0.1 on this computer only.");
        row = addRow(grid, row, "Allowed calling AE _titles",
                textField(model.allowedAet(), "config-allowed-aet", "any caller"),
                model.allowedAet(), "Comma-separated, e.g. MRI_3T, CT_1; empty allows every "
                        + "caller.");
        row = addRowWithError(grid, row, "Visible statuses", statusBoxes(),
                model.statusesErrorProperty(), "What a query without a status key returns.");
        row = addRow(grid, row, "_Database file",
                textField(model.dbPath(), "config-db-path", "the data folder's worklist.db"),
                model.dbPath(), "A new database file takes effect at the next start.");
        addRow(grid, row, "When the _window closes", closeActionBox(), null,
                "\"Ask\" offers to keep serving in the background.");
        return formPage(grid);
    }

    private Node statusBoxes() {
        HBox boxes = new HBox(16);
        for (ProcedureStepStatus status : ProcedureStepStatus.values()) {
            CheckBox box = new CheckBox(words(status));
            box.setId("config-status-" + status.name());
            box.selectedProperty().bindBidirectional(model.visibleStatus(status));
            boxes.getChildren().add(box);
        }
        return boxes;
    }

    private Node closeActionBox() {
        ComboBox<CloseAction> box = new ComboBox<>();
        box.getItems().setAll(CloseAction.values());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(CloseAction action) {
                if (action == null) {
                    return "";
                }
                return action == CloseAction.ASK
                        ? "Ask whether to keep serving in the background"
                        : "Stop the server and the sync";
            }

            @Override
            public CloseAction fromString(String text) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(model.closeActionProperty());
        box.setId("config-close-action");
        return box;
    }

    private Node sourcesPane() {
        sourceList.setId("config-sources");
        sourceList.setItems(model.sources());
        sourceList.setPrefWidth(260);
        sourceList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SourceForm source, boolean empty) {
                super.updateItem(source, empty);
                textProperty().unbind();
                if (empty || source == null) {
                    setText(null);
                } else {
                    textProperty().bind(source.displayName());
                }
            }
        });
        sourceList.getSelectionModel().selectedItemProperty().addListener((o, old, now) ->
                showSource(now));
        model.sources().addListener((ListChangeListener<SourceForm>) c -> {
            if (sourceList.getSelectionModel().isEmpty() && !model.sources().isEmpty()) {
                sourceList.getSelectionModel().selectFirst();
            }
        });

        Button addRedcap = button("Add REDCap s_ource", "config-add-redcap",
                () -> select(model.addSource(SourceForm.REDCAP)));
        addRedcapButton = addRedcap;
        Button addCalpendo = button("Add _Calpendo source", "config-add-calpendo",
                () -> select(model.addSource(SourceForm.CALPENDO)));
        Button remove = button("Remove so_urce", "config-remove-source", () -> {
            SourceForm chosen = sourceList.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                model.removeSource(chosen);
            }
        });
        remove.disableProperty().bind(sourceList.getSelectionModel().selectedItemProperty()
                .isNull());
        remove.getStyleClass().add(Styles.DANGER);
        VBox left = new VBox(8, sourceList, new VBox(6, addRedcap, addCalpendo, remove));
        VBox.setVgrow(sourceList, Priority.ALWAYS);
        // The wide source forms must not squeeze the list of sources.
        left.setMinWidth(Region.USE_PREF_SIZE);
        addRedcap.setMaxWidth(Double.MAX_VALUE);
        addCalpendo.setMaxWidth(Double.MAX_VALUE);
        remove.setMaxWidth(Double.MAX_VALUE);

        sourceDetail.setFitToWidth(true);
        sourceDetail.setId("config-source-detail");
        HBox pane = new HBox(16, left, sourceDetail);
        HBox.setHgrow(sourceDetail, Priority.ALWAYS);
        pane.setPadding(new Insets(12, 0, 0, 0));
        pane.disableProperty().bind(model.rawValidProperty().not());
        if (!model.sources().isEmpty()) {
            sourceList.getSelectionModel().selectFirst();
        }
        showSource(sourceList.getSelectionModel().getSelectedItem());
        return pane;
    }

    private void select(SourceForm source) {
        sourceList.getSelectionModel().select(source);
        sourceList.scrollTo(source);
    }

    private void showSource(SourceForm source) {
        if (source == null) {
            Label none = new Label("No data source: the worklist is filled by hand only. "
                    + "Add a REDCap or Calpendo source on the left. A folder of CSV or DICOM "
                    + "worklist files (csv_folder, wl_folder) is added in the JSON tab.");
            none.setId("config-no-source");
            none.setWrapText(true);
            none.getStyleClass().add(Styles.TEXT_MUTED);
            sourceDetail.setContent(none);
            return;
        }
        GridPane grid = grid();
        int row = 0;
        ComboBox<String> type = new ComboBox<>();
        type.getItems().setAll(SourceForm.TYPES);
        type.valueProperty().bindBidirectional(source.typeProperty());
        type.setId("config-source-type");
        row = addRow(grid, row, "T_ype", type, null, null);
        row = addRow(grid, row, "_Name", textField(source.name(), "config-source-name", ""),
                source.name(), "Rows and sync state are kept under this name.");
        CheckBox enabled = new CheckBox("Sync this source");
        enabled.selectedProperty().bindBidirectional(source.enabledProperty());
        enabled.setId("config-source-enabled");
        row = addRow(grid, row, "Enabled", enabled, null, null);
        row = addRow(grid, row, "Sync _interval (seconds)",
                textField(source.syncInterval(), "config-source-interval", "60"),
                source.syncInterval(), "1 to 86400.");
        row = addRow(grid, row, "Syncs _from (HH:MM)",
                textField(source.windowStart(), "config-source-start", "00:00"),
                source.windowStart(), null);
        row = addRow(grid, row, "Syncs _until (HH:MM)",
                textField(source.windowEnd(), "config-source-end", "23:59"),
                source.windowEnd(), "Both ends included; a window may run past midnight.");

        VBox redcap = redcapSection(source);
        VBox calpendo = calpendoSection(source);
        redcap.visibleProperty().bind(source.typeProperty().isEqualTo(SourceForm.REDCAP));
        redcap.managedProperty().bind(redcap.visibleProperty());
        calpendo.visibleProperty().bind(source.typeProperty().isEqualTo(SourceForm.CALPENDO));
        calpendo.managedProperty().bind(calpendo.visibleProperty());
        VBox page = new VBox(16, grid, redcap, calpendo);
        page.setPadding(new Insets(4, 12, 12, 4));
        sourceDetail.setContent(page);
    }

    private VBox redcapSection(SourceForm source) {
        GridPane grid = grid();
        int row = 0;
        row = addRow(grid, row, "REDCap API URL",
                textField(source.apiUrl(), "config-redcap-url",
                        "https://redcap.example.org/api/"), source.apiUrl(),
                "Empty: the REDCAP_API_URL environment variable.");
        row = addRow(grid, row, "API token",
                secretField(source.apiToken(), "config-redcap-token"), source.apiToken(),
                "Empty: the variable below, else REDCAP_API_TOKEN.");
        row = addRow(grid, row, "Token variable",
                textField(source.apiTokenEnv(), "config-redcap-token-env", "e.g. CPIP_TOKEN"),
                source.apiTokenEnv(), null);
        row = addRow(grid, row, "Site ID", textField(source.siteId(), "config-redcap-site", ""),
                source.siteId(), "The site's number in the project, e.g. 792.");
        TextField protocol = textField(source.protocol(), "config-redcap-protocol",
                "empty: the top-level protocol");
        addRow(grid, row, "Protocol", protocol, source.protocol(),
                source.protocol().editableProperty().get() ? null
                        : "A protocol per site: edit it in the JSON tab.");
        return section("REDCap", grid, mappingTable(source));
    }

    private Node mappingTable(SourceForm source) {
        TableView<MappingRow> table = new TableView<>(source.mapping());
        table.setId("config-mapping");
        table.setEditable(true);
        table.setPrefHeight(220);
        TableColumn<MappingRow, String> field = new TableColumn<>("REDCap field");
        field.setCellValueFactory(c -> c.getValue().redcapFieldProperty());
        field.setCellFactory(TextFieldTableCell.forTableColumn());
        field.setPrefWidth(260);
        TableColumn<MappingRow, String> target = new TableColumn<>("Worklist field");
        target.setCellValueFactory(c -> c.getValue().worklistFieldProperty());
        ObservableList<String> targets = FXCollections.observableArrayList(
                RedcapSource.fieldMappingTargets());
        target.setCellFactory(column -> {
            ComboBoxTableCell<MappingRow, String> cell = new ComboBoxTableCell<>(targets);
            cell.setComboBoxEditable(true);
            return cell;
        });
        target.setPrefWidth(260);
        table.getColumns().setAll(List.of(field, target));
        table.setPlaceholder(placeholder("config-mapping-empty", "No lines: each worklist "
                + "field is read from REDCap's usual field (mri_date, mri_time, demo_sex, …). "
                + "Add a line for a field your project names otherwise."));

        Button add = button("Add mapping l_ine", "config-add-mapping", () -> {
            MappingRow row = source.addMappingRow();
            table.getSelectionModel().select(row);
            table.edit(table.getItems().indexOf(row), field);
        });
        Button remove = button("Remove line", "config-remove-mapping", () -> {
            MappingRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                source.removeMappingRow(row);
            }
        });
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty()
                .isNull());
        Label title = new Label("Field mapping (REDCap field → worklist field; Enter confirms "
                + "a cell)");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        return new VBox(6, title, table, new HBox(8, add, remove),
                errorLabel(source.mappingErrorProperty()));
    }

    private VBox calpendoSection(SourceForm source) {
        CalpendoForm calpendo = source.calpendo();
        GridPane grid = grid();
        int row = 0;
        row = addRow(grid, row, "Calpendo URL",
                textField(calpendo.baseUrl(), "config-calpendo-url",
                        "https://calpendo.example.org"), calpendo.baseUrl(),
                "https:// (http:// only on this computer). Empty: CALPENDO_API_URL.");
        row = addRow(grid, row, "User name",
                textField(calpendo.username(), "config-calpendo-user", ""),
                calpendo.username(), "A Calpendo local account; a read-only one is best. "
                        + "Empty: CALPENDO_USERNAME.");
        row = addRow(grid, row, "Password",
                secretField(calpendo.password(), "config-calpendo-password"),
                calpendo.password(), "Empty: CALPENDO_PASSWORD, or the variable that "
                        + "password_env names (JSON tab).");
        TextArea resources = new TextArea();
        bind(resources, calpendo.resources(), "config-calpendo-resources");
        resources.setPrefRowCount(3);
        resources.setPromptText("3T Diagnostic");
        row = addRow(grid, row, "R_esources", resources, calpendo.resources(),
                "Required: one resource name per line, exactly as Calpendo writes it.");
        row = addRow(grid, row, "Booking _statuses",
                textField(calpendo.statusFilter(), "config-calpendo-statuses", "Approved"),
                calpendo.statusFilter(), "Comma-separated; empty: Approved. Cancelled and "
                        + "denied bookings always remove their row.");
        row = addRow(grid, row, "Time _zone",
                textField(calpendo.timezone(), "config-calpendo-timezone",
                        CalpendoForm.DEFAULT_ZONE), calpendo.timezone(),
                "The site's zone for booking times; empty: " + CalpendoForm.DEFAULT_ZONE + ".");
        row = addRow(grid, row, "Booking _window", windowModeBox(calpendo),
                calpendo.windowMode(), "Rolling reaches back lookback_multiplier sync "
                        + "intervals and ahead lookahead_days days (JSON tab).");
        addRow(grid, row, "Station AE title",
                textField(calpendo.stationAeTitle(), "config-calpendo-station", "e.g. MRI_3T"),
                calpendo.stationAeTitle(), "The rows' Scheduled Station AE Title; empty: "
                        + "lantir.server.unassigned_station decides.");
        return section("Calpendo", grid, modalityTable(calpendo),
                calpendoMappingTable(calpendo));
    }

    private Node windowModeBox(CalpendoForm calpendo) {
        ComboBox<String> box = new ComboBox<>();
        box.getItems().setAll(CalpendoForm.WINDOW_MODES);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String mode) {
                if (mode == null || mode.isBlank()) {
                    return "Default (" + calpendo.defaultWindowMode() + ")";
                }
                return switch (mode) {
                    case "rolling" -> "Rolling: from today or earlier, days ahead";
                    case "today" -> "Today: local midnight to midnight";
                    default -> mode;
                };
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        box.valueProperty().bindBidirectional(calpendo.windowMode().valueProperty());
        box.disableProperty().bind(calpendo.windowMode().editableProperty().not());
        box.setId("config-calpendo-window");
        return box;
    }

    private Node modalityTable(CalpendoForm calpendo) {
        TableView<ModalityRow> table = new TableView<>(calpendo.modalities());
        table.setId("config-calpendo-modalities");
        table.setEditable(true);
        table.setPrefHeight(150);
        TableColumn<ModalityRow, String> resource = textColumn("Resource (or its start)",
                ModalityRow::resourceProperty, row -> true, 300);
        TableColumn<ModalityRow, String> modality = textColumn("Modality",
                ModalityRow::modalityProperty, row -> true, 160);
        table.getColumns().setAll(List.of(resource, modality));
        table.setPlaceholder(placeholder("config-calpendo-modalities-empty", "No lines: "
                + "bookings get modality OT unless the field mapping gives one. Add a line per "
                + "resource, e.g. 3T → MR."));

        Button add = button("Add _modality line", "config-add-modality", () -> {
            ModalityRow row = calpendo.addModalityRow();
            table.getSelectionModel().select(row);
            table.edit(table.getItems().indexOf(row), resource);
        });
        Button remove = button("Remove line", "config-remove-modality", () -> {
            ModalityRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                calpendo.removeModalityRow(row);
            }
        });
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty()
                .isNull());
        return tableBlock("Resource modalities (resource → DICOM modality, e.g. 3T → MR; "
                + "unmatched resources get OT)", table, new HBox(8, add, remove),
                calpendo.modalitiesErrorProperty(), null);
    }

    private Node calpendoMappingTable(CalpendoForm calpendo) {
        TableView<CalpendoMappingRow> table = new TableView<>(calpendo.fieldMapping());
        table.setId("config-calpendo-mapping");
        table.setEditable(calpendo.isMappingEditable());
        table.setPrefHeight(220);
        TableColumn<CalpendoMappingRow, String> field = new TableColumn<>("Worklist field");
        field.setCellValueFactory(c -> c.getValue().worklistFieldProperty());
        ObservableList<String> targets = FXCollections.observableArrayList(
                Arrays.stream(CalpendoField.values()).map(f -> f.key).toList());
        field.setCellFactory(column -> {
            ComboBoxTableCell<CalpendoMappingRow, String> cell =
                    new ComboBoxTableCell<>(targets) {
                        @Override
                        public void startEdit() {
                            if (rowEditable(getTableRow())) {
                                super.startEdit();
                            }
                        }
                    };
            cell.setComboBoxEditable(true);
            return cell;
        });
        field.setPrefWidth(200);
        table.getColumns().setAll(List.of(field,
                textColumn("Booking path", CalpendoMappingRow::bookingPathProperty,
                        CalpendoMappingRow::isEditable, 220),
                textColumn("Pattern (_extract)", CalpendoMappingRow::patternProperty,
                        CalpendoMappingRow::isEditable, 200),
                textColumn("Group", CalpendoMappingRow::groupProperty,
                        CalpendoMappingRow::isEditable, 70)));
        // What CalpendoSettings reads when a source maps no field at all.
        table.setPlaceholder(placeholder("config-calpendo-mapping-empty", "No lines: the "
                + "booking title gives patient ID and name (SUB2041_Maren_Okafor), the project "
                + "the study description, the booking id the accession number. Add lines to "
                + "read other fields."));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(CalpendoMappingRow row, boolean empty) {
                super.updateItem(row, empty);
                boolean jsonOnly = !empty && row != null && !row.isEditable();
                pseudoClassStateChanged(JSON_ONLY, jsonOnly);
                setTooltip(jsonOnly ? new Tooltip("This line holds more than the columns "
                        + "show: edit it in the JSON tab.") : null);
            }
        });

        Button add = button("Add field mapping _line", "config-add-calpendo-mapping", () -> {
            CalpendoMappingRow row = calpendo.addMappingRow();
            table.getSelectionModel().select(row);
            table.edit(table.getItems().indexOf(row), field);
        });
        Button remove = button("Remove line", "config-remove-calpendo-mapping", () -> {
            CalpendoMappingRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                calpendo.removeMappingRow(row);
            }
        });
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty()
                .isNull());
        add.setDisable(!calpendo.isMappingEditable());
        if (!calpendo.isMappingEditable()) {
            remove.disableProperty().unbind();
            remove.setDisable(true);
        }
        String note = calpendo.isMappingEditable()
                ? "Worklist field ← booking path, e.g. accession_number ← id; a pattern "
                        + "keeps one group of the value. No lines: patient ID and name from "
                        + "the title, study from the project, accession number from the id."
                : "This source maps fields both in its config and beside it: edit them in "
                        + "the JSON tab.";
        return tableBlock("Field mapping (worklist field ← booking; Enter confirms a cell)",
                table, new HBox(8, add, remove), calpendo.mappingErrorProperty(), note);
    }

    /** A text column; cells of rows {@code editable} refuses stay as they are. */
    private static <R> TableColumn<R, String> textColumn(String title,
            Function<R, StringProperty> property, Predicate<R> editable, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> property.apply(c.getValue()));
        column.setCellFactory(c -> new TextFieldTableCell<>(new DefaultStringConverter()) {
            @Override
            public void startEdit() {
                R row = getTableRow() == null ? null : getTableRow().getItem();
                if (row == null || editable.test(row)) {
                    super.startEdit();
                }
            }
        });
        column.setPrefWidth(width);
        return column;
    }

    private static boolean rowEditable(TableRow<CalpendoMappingRow> row) {
        return row == null || row.getItem() == null || row.getItem().isEditable();
    }

    /** What an empty table says instead of JavaFX's "No content in table". */
    private static Label placeholder(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        label.setPadding(new Insets(8));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static Node tableBlock(String title, Node table, Node buttons,
            ObservableStringValue error, String note) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        VBox block = new VBox(6, heading, table, buttons, errorLabel(error));
        if (note != null) {
            Label text = new Label(note);
            text.setWrapText(true);
            text.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            block.getChildren().add(text);
        }
        return block;
    }

    private Node jsonPane() {
        json.setId("config-json");
        json.getStyleClass().add("config-json");
        json.setText(model.rawJsonProperty().get());
        model.rawJsonProperty().addListener((o, old, text) -> {
            if (!text.equals(json.getText())) {
                showingModelJson = true;
                json.setText(text);
                showingModelJson = false;
            }
        });
        json.textProperty().addListener((o, old, text) -> {
            if (!showingModelJson) {
                jsonPause.playFromStart();
            }
        });
        jsonPause.setOnFinished(e -> model.editRawJson(json.getText()));
        Label hint = new Label("The whole file, for the settings the form does not show. "
                + "Credentials appear as " + ConfigSecrets.MASK
                + "; leave that as it is to keep them, or type them in the form.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox pane = new VBox(8, hint, json);
        VBox.setVgrow(json, Priority.ALWAYS);
        pane.setPadding(new Insets(12, 0, 0, 0));
        return pane;
    }

    private Node footer() {
        Label problems = new Label();
        problems.setId("config-problems");
        problems.setWrapText(true);
        problems.getStyleClass().add("error-text");
        problems.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", model.problems()), model.problems()));
        hideWhenEmpty(problems);
        Label warnings = new Label();
        warnings.setId("config-warnings");
        warnings.setWrapText(true);
        warnings.getStyleClass().add(Styles.TEXT_MUTED);
        warnings.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", model.warnings()), model.warnings()));
        hideWhenEmpty(warnings);
        Label status = new Label();
        status.setId("config-status");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        model.statusIsProblemProperty().addListener((o, was, problem) -> {
            status.getStyleClass().remove("error-text");
            if (problem) {
                status.getStyleClass().add("error-text");
            }
        });
        hideWhenEmpty(status);

        Button save = button("Save and _apply", "config-save", () -> {
            flushJson();
            model.save();
        });
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.canSaveProperty().not());
        Button revert = button("_Revert", "config-revert", () -> {
            jsonPause.stop();
            model.load();
        });
        revert.getStyleClass().add(Styles.BUTTON_OUTLINED);
        revert.disableProperty().bind(model.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, revert, save);

        VBox lines = new VBox(6, problems, warnings, status);
        ScrollPane messages = new ScrollPane(lines);
        messages.setFitToWidth(true);
        // As tall as the messages, up to about eight lines; beyond that it scrolls. Without
        // this the pane keeps its small default height and cuts the last sentence off.
        messages.prefViewportHeightProperty().bind(Bindings.min(MESSAGES_MAX_HEIGHT,
                lines.heightProperty()));
        messages.setMaxHeight(MESSAGES_MAX_HEIGHT + 4);
        messages.getStyleClass().add("config-messages");
        VBox footer = new VBox(8, messages, buttons);
        footer.setPadding(new Insets(8, 0, 0, 0));
        return footer;
    }

    // ---- building blocks ----

    /** Reads typed JSON at once (before a save, on leaving the tab). */
    private void flushJson() {
        if (jsonPause.getStatus() == Animation.Status.RUNNING) {
            jsonPause.stop();
            model.editRawJson(json.getText());
        }
    }

    private static Tab tab(String title, Node content) {
        // A tab sets its content's disable itself: the content's own binding sits below.
        Tab tab = new Tab(title, new StackPane(content));
        tab.setClosable(false);
        return tab;
    }

    private ScrollPane formPage(Node content) {
        ScrollPane page = new ScrollPane(content);
        page.setFitToWidth(true);
        page.setPadding(new Insets(12, 0, 0, 0));
        page.disableProperty().bind(model.rawValidProperty().not());
        return page;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints(200);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        controls.setMaxWidth(560);
        grid.getColumnConstraints().setAll(labels, controls);
        return grid;
    }

    private static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_4);
        VBox section = new VBox(10, heading);
        section.getChildren().addAll(content);
        section.getStyleClass().add("config-section");
        return section;
    }

    /** A labelled control with its problem and a hint below it; returns the next row. */
    private static int addRow(GridPane grid, int row, String label, Node control,
            FormField field, String hint) {
        return addRowWithError(grid, row, label, control,
                field == null ? null : field.errorProperty(), hint);
    }

    private static int addRowWithError(GridPane grid, int row, String label, Node control,
            ObservableStringValue error, String hint) {
        Label name = new Label(label);
        name.setMnemonicParsing(true);
        name.setLabelFor(control instanceof HBox box && !box.getChildren().isEmpty()
                ? box.getChildren().get(0) : control);
        VBox cell = new VBox(2, control);
        if (error != null) {
            cell.getChildren().add(errorLabel(error));
        }
        if (hint != null) {
            Label text = new Label(hint);
            text.setWrapText(true);
            text.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            cell.getChildren().add(text);
        }
        grid.add(name, 0, row);
        grid.add(cell, 1, row);
        return row + 1;
    }

    private static TextField textField(FormField field, String id, String prompt) {
        TextField text = new TextField();
        bind(text, field, id);
        text.setPromptText(prompt);
        return text;
    }

    /**
     * A credential: masked, with a Show button; both fields edit the same value, so the text
     * never has to be copied out of the masked one.
     */
    private Node secretField(FormField field, String id) {
        PasswordField masked = new PasswordField();
        bind(masked, field, id);
        TextField shown = new TextField();
        bind(shown, field, id + "-shown");
        masked.visibleProperty().bind(model.revealSecretsProperty().not());
        shown.visibleProperty().bind(model.revealSecretsProperty());
        ToggleButton reveal = new ToggleButton();
        reveal.textProperty().bind(Bindings.when(model.revealSecretsProperty())
                .then("Hide").otherwise("Show"));
        reveal.setId(id + "-reveal");
        reveal.selectedProperty().bindBidirectional(model.revealSecretsProperty());
        StackPane both = new StackPane(masked, shown);
        HBox.setHgrow(both, Priority.ALWAYS);
        return new HBox(8, both, reveal);
    }

    private static void bind(TextInputControl text, FormField field, String id) {
        text.setId(id);
        text.textProperty().bindBidirectional(field.valueProperty());
        text.disableProperty().bind(field.editableProperty().not());
        field.errorProperty().addListener((o, old, error) ->
                text.pseudoClassStateChanged(Styles.STATE_DANGER, !error.isEmpty()));
        text.pseudoClassStateChanged(Styles.STATE_DANGER, !field.error().isEmpty());
    }

    private static Label errorLabel(ObservableStringValue error) {
        Label label = new Label();
        label.textProperty().bind(error);
        label.setWrapText(true);
        label.getStyleClass().add("error-text");
        hideWhenEmpty(label);
        return label;
    }

    private static void hideWhenEmpty(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setMnemonicParsing(true);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static String words(ProcedureStepStatus status) {
        String lower = status.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
