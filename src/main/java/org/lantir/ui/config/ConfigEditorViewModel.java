package org.lantir.ui.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.lantir.app.ApplyResult;
import org.lantir.config.CloseAction;
import org.lantir.config.ConfigException;
import org.lantir.config.ConfigLoader;
import org.lantir.config.ConfigPath;
import org.lantir.config.ConfigSecrets;
import org.lantir.config.ConfigStore;
import org.lantir.config.DataSourceConfig;
import org.lantir.config.LantirConfig;
import org.lantir.config.ServerSettings;
import org.lantir.ui.UiThreads;
import org.lantir.worklist.ProcedureStepStatus;

/**
 * The configuration editor: a form over the settings people change most (the server, the
 * database path, the data sources, what closing the window does) and the whole file as JSON
 * for everything else, both over one configuration.
 *
 * <p>Every edit is checked at once: the form's own checks first (port 1-65535, AE titles, the
 * bind address, times, names), then the file parser's, on exactly the JSON that saving would
 * write. A problem names its field and JSON path; Save is possible only without problems.
 * Saving writes the file the command line reads (one backup of the previous one beside it),
 * then hands the configuration to the running Lantir, which restarts what the change needs.
 * Both run on the background threads; the file goes through {@link ConfigStore}.
 *
 * <p>Credentials stay in their fields (shown masked by the view) and appear in the JSON only
 * as {@link ConfigSecrets#MASK}.
 */
public final class ConfigEditorViewModel {

    private final ConfigStore store;
    private final Function<LantirConfig, ApplyResult> applier;
    private final UiThreads threads;
    private final LantirConfig running;

    private final FormField aeTitle = new FormField("AE title", "lantir.server.ae_title");
    private final FormField port = new FormField("Port", "lantir.server.port");
    private final FormField bindAddress =
            new FormField("Bind address", "lantir.server.bind_address");
    private final FormField allowedAet =
            new FormField("Allowed calling AE titles", "allowed_aet");
    private final FormField dbPath = new FormField("Database file", "db_path");
    private final Map<ProcedureStepStatus, BooleanProperty> visibleStatuses =
            new EnumMap<>(ProcedureStepStatus.class);
    private final ReadOnlyStringWrapper statusesError = new ReadOnlyStringWrapper("");
    private final ObjectProperty<CloseAction> closeAction =
            new SimpleObjectProperty<>(this, "closeAction", CloseAction.STOP);
    private final ObservableList<SourceForm> sources = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper rawJson = new ReadOnlyStringWrapper(this, "rawJson", "");
    private final ReadOnlyBooleanWrapper rawValid = new ReadOnlyBooleanWrapper(true);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusIsProblem = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<ApplyResult> lastResult = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty revealSecrets = new SimpleBooleanProperty(this, "reveal");

    /** Everything the form does not show, as last read from a valid JSON or form. */
    private LantirConfig base;
    /** The configuration the form and the JSON describe now; null while either has a problem. */
    private LantirConfig draft;
    /** What the file holds, as far as this editor knows; null when it has none readable. */
    private LantirConfig saved;
    /** True while the form or the JSON is filled in by the model itself. */
    private boolean filling;
    private final InvalidationListener formEdited = o -> formEdited();

    /**
     * @param applier takes a saved configuration into the running server ({@code Lantir::apply})
     * @param running the configuration running now: shown until the file is read, and kept
     *        when the file cannot be read
     */
    public ConfigEditorViewModel(ConfigStore store, Function<LantirConfig, ApplyResult> applier,
            UiThreads threads, LantirConfig running) {
        this.store = Objects.requireNonNull(store, "store");
        this.applier = Objects.requireNonNull(applier, "applier");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.running = Objects.requireNonNull(running, "running");
        for (ProcedureStepStatus s : ProcedureStepStatus.values()) {
            visibleStatuses.put(s, new SimpleBooleanProperty(this, s.name()));
        }
        for (Observable o : formObservables()) {
            o.addListener(formEdited);
        }
        sources.addListener(this::sourcesChanged);
        busy.addListener(o -> updateState());
        fill(running);
    }

    // ---- reading and saving ----

    /** Reads the file on a background thread and shows it (also "Revert"). */
    public void load() {
        busy.set(true);
        threads.background().execute(() -> {
            Optional<ConfigStore.Loaded> loaded;
            try {
                loaded = store.load();
            } catch (ConfigException e) {
                threads.fx().execute(() -> unreadable(e));
                return;
            }
            threads.fx().execute(() -> loaded(loaded));
        });
    }

    private void loaded(Optional<ConfigStore.Loaded> loaded) {
        busy.set(false);
        statusIsProblem.set(false);
        if (loaded.isEmpty()) {
            saved = null;
            fill(running);
            status.set("There is no configuration file yet; saving creates "
                    + store.file() + ".");
            return;
        }
        saved = loaded.get().config();
        fill(saved);
        warnings.setAll(shortWarnings(loaded.get().warnings()));
        status.set("Read " + store.file() + ".");
    }

    private void unreadable(ConfigException e) {
        busy.set(false);
        statusIsProblem.set(true);
        saved = null;
        fill(running);
        status.set("The file cannot be used: " + e.getMessage() + ". The form shows the "
                + "running settings; saving replaces the file and keeps the old one as "
                + store.backupFile().getFileName() + ".");
    }

    /**
     * Saves the file and applies it, on a background thread; the outcome arrives in
     * {@link #statusProperty()} and {@link #lastResultProperty()}. Does nothing while there
     * are problems, nothing changed or a save is running.
     */
    public void save() {
        if (!canSave.get()) {
            return;
        }
        LantirConfig config = draft;
        busy.set(true);
        statusIsProblem.set(false);
        status.set("Saving…");
        threads.background().execute(() -> saveAndApply(config));
    }

    private void saveAndApply(LantirConfig config) {
        try {
            store.save(config);
        } catch (IOException | RuntimeException e) {
            String why = "The file was not saved (" + e.getMessage() + "); nothing changed.";
            threads.fx().execute(() -> finished(null, why, null));
            return;
        }
        ApplyResult result;
        try {
            result = applier.apply(config);
        } catch (RuntimeException e) {
            String why = "Saved to " + store.file() + ", but applying it failed ("
                    + e.getMessage() + "); it takes effect at the next start.";
            threads.fx().execute(() -> finished(config, why, null));
            return;
        }
        String text = "Saved to " + store.file() + " (previous file kept as "
                + store.backupFile().getFileName() + "). " + String.join(" ", result.lines());
        threads.fx().execute(() -> finished(config, text, result));
    }

    private void finished(LantirConfig savedConfig, String text, ApplyResult result) {
        busy.set(false);
        if (savedConfig != null) {
            saved = savedConfig;
        }
        lastResult.set(result);
        status.set(text);
        statusIsProblem.set(result == null || !result.problems().isEmpty());
        updateState();
    }

    // ---- the form ----

    /** Adds a source of {@code type} with a name not yet used, and returns its form. */
    public SourceForm addSource(String type) {
        Set<String> names = new HashSet<>();
        sources.forEach(s -> names.add(s.name().value().strip()));
        String name = type;
        for (int n = 2; names.contains(name); n++) {
            name = type + "_" + n;
        }
        SourceForm form = new SourceForm(SourceForm.newSource(name, type), sources.size());
        sources.add(form);
        return form;
    }

    public void removeSource(SourceForm source) {
        sources.remove(source);
    }

    private void sourcesChanged(ListChangeListener.Change<? extends SourceForm> change) {
        while (change.next()) {
            change.getRemoved().forEach(s -> s.observables().forEach(
                    o -> o.removeListener(formEdited)));
            change.getAddedSubList().forEach(s -> s.observables().forEach(
                    o -> o.addListener(formEdited)));
        }
        for (int i = 0; i < sources.size(); i++) {
            sources.get(i).setIndex(i);
        }
        formEdited();
    }

    private List<Observable> formObservables() {
        List<Observable> all = new ArrayList<>(List.of(aeTitle.valueProperty(),
                port.valueProperty(), bindAddress.valueProperty(), allowedAet.valueProperty(),
                dbPath.valueProperty(), closeAction));
        all.addAll(visibleStatuses.values());
        return all;
    }

    /** A person changed the form: check it, and show the JSON it makes. */
    private void formEdited() {
        if (filling) {
            return;
        }
        Problems found = checkForm();
        if (found.isEmpty()) {
            LantirConfig candidate = fromForm(base);
            List<String> parserWarnings = new ArrayList<>();
            try {
                draft = store.parse(ConfigLoader.toJson(candidate), parserWarnings::add);
                base = draft;
                warnings.setAll(shortWarnings(parserWarnings));
                showJson(draft);
            } catch (ConfigException e) {
                draft = null;
                markParserProblem(e, found);
            }
        } else {
            draft = null;
        }
        problems.setAll(found.lines());
        updateState();
    }

    /**
     * A person edited the JSON (the view calls this after typing pauses): read it, credentials
     * given back, and show it in the form.
     */
    public void editRawJson(String json) {
        if (json.equals(rawJson.get())) {
            return;
        }
        rawJson.set(json);
        List<String> parserWarnings = new ArrayList<>();
        LantirConfig parsed;
        try {
            parsed = store.parseMasked(json, base, parserWarnings::add);
        } catch (ConfigException e) {
            draft = null;
            rawValid.set(false);
            problems.setAll("JSON (" + (e.jsonPath().isEmpty() ? "the whole file"
                    : e.jsonPath()) + "): " + e.problem());
            updateState();
            return;
        }
        rawValid.set(true);
        base = parsed;
        warnings.setAll(shortWarnings(parserWarnings));
        fillForm(parsed);
        Problems found = checkForm();
        draft = found.isEmpty() ? parsed : null;
        problems.setAll(found.lines());
        updateState();
    }

    private Problems checkForm() {
        Problems found = new Problems();
        List.of(aeTitle, port, bindAddress, allowedAet, dbPath).forEach(f -> f.setError(""));
        statusesError.set("");
        sources.forEach(SourceForm::clearErrors);

        found.add(aeTitle, FormChecks.aeTitle(aeTitle.value()));
        found.add(port, FormChecks.port(port.value()));
        found.add(bindAddress, FormChecks.bindAddress(bindAddress.value()));
        List<String> titles = aeTitles();
        for (int i = 0; i < titles.size(); i++) {
            String problem = FormChecks.aeTitle(titles.get(i));
            if (problem != null) {
                found.add(allowedAet, "title " + (i + 1) + ": " + problem);
            }
        }
        if (chosenStatuses().isEmpty()) {
            statusesError.set("choose at least one status");
            found.add("Visible statuses", "lantir.server.visible_statuses",
                    "choose at least one status");
        }
        Set<String> names = new HashSet<>();
        sources.forEach(source -> source.check(found, names));
        return found;
    }

    /** The parser found what the form's checks did not: mark the field its path names. */
    private void markParserProblem(ConfigException e, Problems found) {
        String path = e.jsonPath();
        boolean marked = false;
        for (FormField field : List.of(aeTitle, port, bindAddress, allowedAet, dbPath)) {
            if (path.equals(field.path()) || path.startsWith(field.path() + "[")) {
                field.setError(e.problem());
                found.add(field.label(), path, e.problem());
                marked = true;
            }
        }
        for (SourceForm source : sources) {
            String label = marked ? null : source.markError(path, e.problem());
            if (label != null) {
                found.add(label, path, e.problem());
                marked = true;
            }
        }
        if (!marked) {
            found.add("JSON", path.isEmpty() ? "the whole file" : path, e.problem());
        }
    }

    /** The configuration the form describes, on top of {@code under}; the form is valid. */
    private LantirConfig fromForm(LantirConfig under) {
        ServerSettings server = under.lantir().server()
                .withEndpoint(aeTitle.value().strip(), bindAddress.value().strip(),
                        Integer.parseInt(port.value().strip()))
                .withVisibleStatuses(chosenStatuses());
        LantirConfig config = under.withLantir(under.lantir().withServer(server)
                .withDesktop(under.lantir().desktop().withCloseAction(closeAction.get())))
                .withAllowedAet(aeTitles())
                .withDbPath(dbPath(under));
        List<DataSourceConfig> entries = new ArrayList<>();
        sources.forEach(source -> entries.add(source.toConfig()));
        return config.withDataSources(entries);
    }

    /** The typed path; the same text keeps the path as it was read. */
    private ConfigPath dbPath(LantirConfig under) {
        String text = dbPath.value().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (under.dbPath() != null && under.dbPath().text().strip().equals(text)) {
            return under.dbPath();
        }
        return ConfigPath.resolve(text, store.file().getParent());
    }

    private List<String> aeTitles() {
        List<String> titles = new ArrayList<>();
        for (String part : allowedAet.value().split(",")) {
            if (!part.isBlank()) {
                titles.add(part.strip());
            }
        }
        return titles;
    }

    private Set<ProcedureStepStatus> chosenStatuses() {
        Set<ProcedureStepStatus> chosen = EnumSet.noneOf(ProcedureStepStatus.class);
        visibleStatuses.forEach((s, on) -> {
            if (on.get()) {
                chosen.add(s);
            }
        });
        return chosen;
    }

    // ---- filling in ----

    /** Shows a configuration in the form and the JSON, with nothing to complain about. */
    private void fill(LantirConfig config) {
        base = config;
        draft = config;
        rawValid.set(true);
        fillForm(config);
        showJson(config);
        Problems found = checkForm();
        if (!found.isEmpty()) {
            draft = null;
        }
        problems.setAll(found.lines());
        warnings.clear();
        updateState();
    }

    private void fillForm(LantirConfig config) {
        filling = true;
        try {
            ServerSettings server = config.lantir().server();
            aeTitle.set(server.aeTitle());
            port.set(Integer.toString(server.port()));
            bindAddress.set(server.bindAddress());
            allowedAet.set(String.join(", ", config.allowedAet()));
            dbPath.set(config.dbPath() == null ? "" : config.dbPath().text());
            visibleStatuses.forEach((s, on) -> on.set(server.visibleStatuses().contains(s)));
            closeAction.set(config.lantir().desktop().closeAction());
            List<SourceForm> forms = new ArrayList<>();
            for (DataSourceConfig source : config.dataSources()) {
                forms.add(new SourceForm(source, forms.size()));
            }
            sources.setAll(forms);
        } finally {
            filling = false;
        }
    }

    private void showJson(LantirConfig config) {
        rawJson.set(ConfigSecrets.maskedJson(config));
    }

    private void updateState() {
        valid.set(draft != null);
        dirty.set(draft == null || !draft.equals(saved));
        canSave.set(valid.get() && dirty.get() && !busy.get());
    }

    /** Parser warnings without the file name, which the screen shows once. */
    private List<String> shortWarnings(List<String> lines) {
        String prefix = "configuration file " + store.file() + ": ";
        return lines.stream().map(w -> w.startsWith(prefix) ? w.substring(prefix.length()) : w)
                .toList();
    }

    // ---- what the view binds to ----

    public Path configFile() {
        return store.file();
    }

    public Path backupFile() {
        return store.backupFile();
    }

    public FormField aeTitle() {
        return aeTitle;
    }

    public FormField port() {
        return port;
    }

    public FormField bindAddress() {
        return bindAddress;
    }

    /** Comma-separated calling AE titles; empty allows every caller. */
    public FormField allowedAet() {
        return allowedAet;
    }

    public FormField dbPath() {
        return dbPath;
    }

    public BooleanProperty visibleStatus(ProcedureStepStatus s) {
        return visibleStatuses.get(s);
    }

    public ReadOnlyStringProperty statusesErrorProperty() {
        return statusesError.getReadOnlyProperty();
    }

    public ObjectProperty<CloseAction> closeActionProperty() {
        return closeAction;
    }

    public ObservableList<SourceForm> sources() {
        return sources;
    }

    /** The whole file as JSON, credentials masked. */
    public ReadOnlyStringProperty rawJsonProperty() {
        return rawJson.getReadOnlyProperty();
    }

    /** False while the JSON cannot be read; the form waits for it to be fixed. */
    public ReadOnlyBooleanProperty rawValidProperty() {
        return rawValid.getReadOnlyProperty();
    }

    /** Every problem, each naming its field and JSON path. */
    public ObservableList<String> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    /** What the parser read past (unknown keys, the legacy format). */
    public ObservableList<String> warnings() {
        return FXCollections.unmodifiableObservableList(warnings);
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Whether the form or the JSON differ from the file. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** True while the file is read or saved. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** What the last read or save did, in words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether the status tells of something that did not work. */
    public ReadOnlyBooleanProperty statusIsProblemProperty() {
        return statusIsProblem.getReadOnlyProperty();
    }

    /** What the last save restarted; null before the first. */
    public ReadOnlyObjectProperty<ApplyResult> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    /** Whether credential fields show their text; off by default. */
    public BooleanProperty revealSecretsProperty() {
        return revealSecrets;
    }
}
