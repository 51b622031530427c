package org.lantir.ui.config;

import java.util.ArrayList;
import java.util.List;

/** The problems of one check of the form, each naming its field and JSON path. */
final class Problems {

    private final List<String> lines = new ArrayList<>();

    /** Marks the field and adds "Label (path): problem"; null problems are no problem. */
    void add(FormField field, String problem) {
        if (problem == null) {
            return;
        }
        if (field.error().isEmpty()) {
            field.setError(problem);
        }
        lines.add(field.label() + " (" + field.path() + "): " + problem);
    }

    void add(String label, String path, String problem) {
        lines.add(label + " (" + path + "): " + problem);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }
}
