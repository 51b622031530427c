package org.lantir.sync.redcap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which REDCap field feeds each worklist field: the fields a {@code field_mapping} names come
 * first, the conventional field last; at each run the first one the project has wins. So a
 * legacy mapping that names a field the project lacks falls back to the convention, as the
 * Python tool's legacy module did.
 */
final class RedcapFieldMap {

    private static final Logger LOG = LoggerFactory.getLogger(RedcapFieldMap.class);

    private final Map<WorklistField, List<String>> candidates;

    private RedcapFieldMap(Map<WorklistField, List<String>> candidates) {
        this.candidates = candidates;
    }

    /** Reads a {@code field_mapping} (REDCap field → worklist field name). */
    static RedcapFieldMap of(Map<String, ?> fieldMapping, String sourceName) {
        Map<WorklistField, List<String>> candidates = new EnumMap<>(WorklistField.class);
        fieldMapping.forEach((redcapField, target) -> {
            String name = String.valueOf(target);
            if (WorklistField.STATUS_TARGET.equals(name)) {
                LOG.info("REDCap source '{}': field_mapping.{} ignored: a sync never sets the "
                        + "status", sourceName, redcapField);
                return;
            }
            WorklistField field = WorklistField.byName(name).orElse(null);
            if (field == null) {
                LOG.warn("REDCap source '{}': field_mapping.{} names '{}', which is not a "
                        + "worklist field; ignored", sourceName, redcapField, name);
                return;
            }
            candidates.computeIfAbsent(field, f -> new ArrayList<>()).add(redcapField);
        });
        for (WorklistField field : WorklistField.values()) {
            if (field.defaultField != null) {
                List<String> list = candidates.computeIfAbsent(field, f -> new ArrayList<>());
                if (!list.contains(field.defaultField)) {
                    list.add(field.defaultField);
                }
            }
        }
        candidates.replaceAll((field, list) -> List.copyOf(list));
        return new RedcapFieldMap(Collections.unmodifiableMap(candidates));
    }

    /** Whether some REDCap field may feed {@code field} (a mapping or the convention). */
    boolean feeds(WorklistField field) {
        List<String> list = candidates.get(field);
        return list != null && !list.isEmpty();
    }

    /** Every REDCap field some worklist field may read, in a stable order. */
    Set<String> wanted() {
        Set<String> wanted = new LinkedHashSet<>();
        candidates.values().forEach(wanted::addAll);
        return wanted;
    }

    /** For each worklist field, the first candidate the project has. */
    Map<WorklistField, String> resolve(Set<String> present) {
        Map<WorklistField, String> resolved = new EnumMap<>(WorklistField.class);
        candidates.forEach((field, list) -> list.stream().filter(present::contains)
                .findFirst().ifPresent(name -> resolved.put(field, name)));
        return resolved;
    }
}
