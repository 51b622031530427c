package org.lantir.ui.config;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One text field of the configuration form: its value as typed, the JSON path it is saved
 * under (so that a problem the parser names by path lands on it), and the problem with it.
 */
public final class FormField {

    private final String label;
    private final boolean secret;
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final BooleanProperty editable = new SimpleBooleanProperty(this, "editable", true);
    private volatile String path;

    FormField(String label, String path, boolean secret) {
        this.label = label;
        this.path = path;
        this.secret = secret;
    }

    FormField(String label, String path) {
        this(label, path, false);
    }

    /** The name a person reads next to the field, e.g. "Port". */
    public String label() {
        return label;
    }

    /** The field's JSON path in the file, e.g. {@code lantir.server.port}. */
    public String path() {
        return path;
    }

    void setPath(String newPath) {
        path = newPath;
    }

    /** Whether the value is a credential: shown masked, never logged. */
    public boolean isSecret() {
        return secret;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public String value() {
        return value.get() == null ? "" : value.get();
    }

    public void set(String text) {
        value.set(text == null ? "" : text);
    }

    /** What is wrong with the value, or an empty string. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public String error() {
        return error.get();
    }

    void setError(String problem) {
        error.set(problem == null ? "" : problem);
    }

    /** False when the form cannot edit the value (e.g. a per-site protocol map). */
    public BooleanProperty editableProperty() {
        return editable;
    }

    /** Names the field, never its value (it may be a credential). */
    @Override
    public String toString() {
        return "FormField[" + path + "]";
    }
}
