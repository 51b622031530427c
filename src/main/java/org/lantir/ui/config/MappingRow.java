package org.lantir.ui.config;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One line of a REDCap source's {@code field_mapping}: REDCap field → worklist field. */
public final class MappingRow {

    private final StringProperty redcapField = new SimpleStringProperty(this, "redcapField", "");
    private final StringProperty worklistField =
            new SimpleStringProperty(this, "worklistField", "");

    public MappingRow(String redcapField, String worklistField) {
        this.redcapField.set(redcapField);
        this.worklistField.set(worklistField);
    }

    public StringProperty redcapFieldProperty() {
        return redcapField;
    }

    public StringProperty worklistFieldProperty() {
        return worklistField;
    }

    public String redcapField() {
        return redcapField.get() == null ? "" : redcapField.get().trim();
    }

    public String worklistField() {
        return worklistField.get() == null ? "" : worklistField.get().trim();
    }

    boolean isBlank() {
        return redcapField().isEmpty() && worklistField().isEmpty();
    }
}
