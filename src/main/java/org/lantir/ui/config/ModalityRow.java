package org.lantir.ui.config;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One line of a Calpendo source's {@code resource_modality_mapping}: a resource name (or the
 * start of one) → the DICOM modality its bookings get.
 */
public final class ModalityRow {

    private final StringProperty resource = new SimpleStringProperty(this, "resource", "");
    private final StringProperty modality = new SimpleStringProperty(this, "modality", "");
    /** The line's key and value as read; null for a line added in the form. */
    private String originalResource;
    private Object originalModality;

    public ModalityRow(String resource, String modality) {
        this.resource.set(resource);
        this.modality.set(modality);
    }

    /** A line of the file: saved as it was while its text is unchanged. */
    static ModalityRow read(String resource, Object modality) {
        ModalityRow row = new ModalityRow(resource,
                modality == null ? "" : SourceForm.text(modality));
        row.originalResource = resource;
        row.originalModality = modality;
        return row;
    }

    String key() {
        return originalResource != null && originalResource.strip().equals(resource())
                ? originalResource : resource();
    }

    Object value() {
        return originalModality != null && SourceForm.text(originalModality).equals(modality())
                ? originalModality : modality();
    }

    public StringProperty resourceProperty() {
        return resource;
    }

    public StringProperty modalityProperty() {
        return modality;
    }

    public String resource() {
        return resource.get() == null ? "" : resource.get().strip();
    }

    public String modality() {
        return modality.get() == null ? "" : modality.get().strip();
    }

    boolean isBlank() {
        return resource().isEmpty() && modality().isEmpty();
    }
}
