package org.lantir.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The skipped rows of a run in one short line for its event log entry: each reason once, with
 * the source keys (REDCap {@code record:instance}, a Calpendo booking id) it applies to, e.g.
 * {@code scheduled time is not HH:MM: 4:1, 7:2; it has no study ID: 9:1}. Keys and reasons
 * name no patient data. Long lists are cut, saying how many were left out, so that a project
 * with a thousand unreadable dates cannot make one entry the size of the export.
 */
final class SkipSummary {

    /** The reason of a skipped key whose source gave none. */
    static final String NOT_MAPPED = "could not be mapped";
    static final int MAX_KEYS_PER_REASON = 5;
    static final int MAX_REASONS = 5;

    private SkipSummary() {
    }

    /** The line for {@code skips} (key → reason, in order), or null when there are none. */
    static String of(Map<String, String> skips) {
        if (skips.isEmpty()) {
            return null;
        }
        Map<String, List<String>> keysByReason = new LinkedHashMap<>();
        skips.forEach((key, reason) -> keysByReason.computeIfAbsent(clean(reason),
                r -> new ArrayList<>()).add(key));

        List<String> parts = new ArrayList<>();
        int reasons = 0;
        for (Map.Entry<String, List<String>> entry : keysByReason.entrySet()) {
            if (reasons++ == MAX_REASONS) {
                parts.add((keysByReason.size() - MAX_REASONS) + " more reason(s)");
                break;
            }
            parts.add(entry.getKey() + ": " + keys(entry.getValue()));
        }
        return String.join("; ", parts);
    }

    private static String keys(List<String> keys) {
        if (keys.size() <= MAX_KEYS_PER_REASON) {
            return String.join(", ", keys);
        }
        return String.join(", ", keys.subList(0, MAX_KEYS_PER_REASON)) + " and "
                + (keys.size() - MAX_KEYS_PER_REASON) + " more";
    }

    /** One line without the characters the entry's own shape uses around it. */
    private static String clean(String reason) {
        String text = reason == null || reason.isBlank() ? NOT_MAPPED : reason.strip();
        return text.replaceAll("\\s+", " ");
    }
}
