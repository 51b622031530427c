package org.lantir.ui.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lantir.dicom.data.PersonName;
import org.lantir.dicom.data.PersonName.Component;
import org.lantir.dicom.data.PersonName.Group;

/**
 * Person names as people read them: {@code DOE^JANE^MARIE} (PS3.5 §6.2.1) shows as
 * {@code DOE, Jane Marie}. The family name stays as stored, upper case being how many sites
 * mark it; given and middle names typed all in capitals are shown in title case. A name
 * stored in mixed case is shown as stored, since its case is then information.
 */
final class PersonNames {

    private PersonNames() {
    }

    /** The readable form of a PN value; empty for null or an empty name. */
    static String readable(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        PersonName name;
        try {
            name = PersonName.parse(value);
        } catch (IllegalArgumentException notAName) {
            return value.strip();
        }
        Group group = name.group(Group.ALPHABETIC).isEmpty() ? firstPresent(name)
                : Group.ALPHABETIC;
        return readable(name, group);
    }

    private static Group firstPresent(PersonName name) {
        for (Group group : Group.values()) {
            if (!name.group(group).isEmpty()) {
                return group;
            }
        }
        return Group.ALPHABETIC;
    }

    private static String readable(PersonName name, Group group) {
        String family = name.get(group, Component.FAMILY).strip();
        List<String> given = new ArrayList<>();
        for (Component part : List.of(Component.PREFIX, Component.GIVEN, Component.MIDDLE)) {
            String text = name.get(group, part).strip();
            if (!text.isEmpty()) {
                given.add(part == Component.PREFIX ? text : titleCaseIfShouted(text));
            }
        }
        String suffix = name.get(group, Component.SUFFIX).strip();

        StringBuilder text = new StringBuilder(family);
        if (!given.isEmpty()) {
            text.append(family.isEmpty() ? "" : ", ").append(String.join(" ", given));
        }
        if (!suffix.isEmpty()) {
            text.append(text.length() == 0 ? "" : ", ").append(suffix);
        }
        return text.toString();
    }

    /** {@code JANE-MARIE} to {@code Jane-Marie}; text with any lower case letter unchanged. */
    static String titleCaseIfShouted(String text) {
        if (!text.equals(text.toUpperCase(Locale.ROOT))) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean wordStart = true;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            out.appendCodePoint(wordStart ? cp : Character.toLowerCase(cp));
            wordStart = !Character.isLetter(cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * Whether every word of {@code query} (split at spaces, commas and '^') occurs in the name
     * or the patient ID, ignoring case: "jane doe", "DOE, Jane", "doe" and "b04" all find
     * {@code DOE^JANE}, ID {@code SUB042}.
     */
    static boolean matches(String query, String personName, String patientId) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String haystack = (nullToEmpty(personName) + " " + readable(personName) + " "
                + nullToEmpty(patientId)).toLowerCase(Locale.ROOT);
        for (String word : query.toLowerCase(Locale.ROOT).split("[\\s,^=]+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
