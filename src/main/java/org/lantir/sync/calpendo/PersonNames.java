package org.lantir.sync.calpendo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.lantir.dicom.data.PersonName;
import org.lantir.dicom.data.PersonName.Component;

/**
 * Turns a name as people type it into a Calpendo title ({@code Maren_Okafor},
 * {@code Okafor, Maren}, {@code Okafor^Maren}) into a DICOM PN value (PS3.5 §6.2.1):
 * family name first, components separated by '^', never an empty family name before a given
 * one. The Python tool put a '^' in front of a name that had none ({@code ^Maren_Okafor}): a
 * PN with no family name, which scanners sort and match wrongly.
 *
 * <ul>
 * <li>Already in PN form: its components are kept, trimmed; leading '^'s are dropped.
 * <li>{@code Family, Given}: the part before the comma is the family name.
 * <li>Otherwise words are split at '_' and spaces; by default the last word is the family
 * name and the others the given names ({@code GIVEN_FAMILY}); with {@code FAMILY_GIVEN} the
 * first word is the family name.
 * </ul>
 */
final class PersonNames {

    private static final Pattern WORD_BREAKS = Pattern.compile("[_\\s]+");
    /** Control characters, and the delimiters a PN value may not hold as text. */
    private static final Pattern NOT_TEXT = Pattern.compile("[\\p{Cntrl}\\\\=]");

    private PersonNames() {
    }

    /**
     * The PN value of {@code text}.
     *
     * @throws IllegalArgumentException when no name is left, or a component group is over 64
     *         characters (PS3.5 Table 6.2-1); the message never quotes the name
     */
    static String of(String text, CalpendoSettings.NameOrder order) {
        String clean = NOT_TEXT.matcher(text == null ? "" : text).replaceAll(" ").strip();
        clean = clean.replaceFirst("^[\\^\\s]+", "");
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("the name is empty");
        }
        PersonName name = clean.indexOf('^') >= 0 ? components(clean)
                : clean.indexOf(',') >= 0 ? familyComma(clean) : words(clean, order);
        String value = name.checkLength().format();
        if (value.isEmpty() || value.startsWith("^")) {
            throw new IllegalArgumentException("the name has no family name");
        }
        return value;
    }

    private static PersonName components(String text) {
        String[] parts = text.split("\\^", -1);
        if (parts.length > Component.values().length) {
            throw new IllegalArgumentException("the name has more than five '^' components");
        }
        PersonName name = PersonName.empty();
        for (int i = 0; i < parts.length; i++) {
            name = name.with(Component.values()[i], parts[i].strip());
        }
        return name;
    }

    private static PersonName familyComma(String text) {
        int comma = text.indexOf(',');
        String family = text.substring(0, comma).strip();
        String given = String.join(" ", words(text.substring(comma + 1)));
        if (family.isEmpty()) {
            return PersonName.of(given, null);
        }
        return PersonName.of(String.join(" ", words(family)), given);
    }

    private static PersonName words(String text, CalpendoSettings.NameOrder order) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return PersonName.empty();
        }
        if (words.size() == 1) {
            return PersonName.of(words.get(0), null);
        }
        if (order == CalpendoSettings.NameOrder.FAMILY_GIVEN) {
            return PersonName.of(words.get(0), String.join(" ", words.subList(1, words.size())));
        }
        return PersonName.of(words.get(words.size() - 1),
                String.join(" ", words.subList(0, words.size() - 1)));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>(Arrays.asList(WORD_BREAKS.split(text.strip())));
        words.removeIf(String::isEmpty);
        return words;
    }
}
