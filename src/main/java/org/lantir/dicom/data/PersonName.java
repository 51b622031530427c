package org.lantir.dicom.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * One value of a PN element (PS3.5 §6.2.1): up to three component groups separated by '='
 * (alphabetic, ideographic, phonetic), each of up to five components separated by '^'
 * (family name, given name, middle name, prefix, suffix). Immutable.
 *
 * <p>{@link #toString()} names no component: names are patient data.
 */
public final class PersonName {

    /** Component groups, in the order of PS3.5 §6.2.1.2. */
    public enum Group { ALPHABETIC, IDEOGRAPHIC, PHONETIC }

    /** Components, in the order of PS3.5 §6.2.1.1. */
    public enum Component { FAMILY, GIVEN, MIDDLE, PREFIX, SUFFIX }

    /** Maximum characters of one component group, delimiters included (PS3.5 Table 6.2-1). */
    public static final int MAX_GROUP_LENGTH = 64;

    private static final int GROUPS = Group.values().length;
    private static final int COMPONENTS = Component.values().length;

    private final String[][] parts;

    private PersonName(String[][] parts) {
        this.parts = parts;
    }

    /** An empty name, to fill with {@link #with}. */
    public static PersonName empty() {
        return new PersonName(new String[GROUPS][COMPONENTS]);
    }

    /** An alphabetic name of family and given name; a null part is empty. */
    public static PersonName of(String family, String given) {
        return empty().with(Component.FAMILY, family).with(Component.GIVEN, given);
    }

    /**
     * Parses one PN value (not a multi-valued string). Spaces around the value are padding.
     *
     * @throws IllegalArgumentException for a backslash, more than three groups or more than
     *         five components in a group
     */
    public static PersonName parse(String value) {
        String[][] parts = new String[GROUPS][COMPONENTS];
        if (value == null) {
            return new PersonName(parts);
        }
        if (value.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("A person name holds one value; found '\\'");
        }
        String[] groups = value.strip().split("=", -1);
        if (groups.length > GROUPS) {
            throw new IllegalArgumentException("A person name has at most " + GROUPS
                    + " component groups; found " + groups.length + " (PS3.5 §6.2.1.2)");
        }
        for (int g = 0; g < groups.length; g++) {
            String[] components = groups[g].split("\\^", -1);
            if (components.length > COMPONENTS) {
                String group = Group.values()[g].name().toLowerCase(Locale.ROOT);
                throw new IllegalArgumentException("A person name component group has at most "
                        + COMPONENTS + " components; the " + group + " group has "
                        + components.length + " (PS3.5 §6.2.1.1)");
            }
            System.arraycopy(components, 0, parts[g], 0, components.length);
        }
        return new PersonName(parts);
    }

    /** A component of a group; empty when absent, never null. */
    public String get(Group group, Component component) {
        String part = parts[group.ordinal()][component.ordinal()];
        return part == null ? "" : part;
    }

    /** A component of the alphabetic group. */
    public String get(Component component) {
        return get(Group.ALPHABETIC, component);
    }

    /** A copy with one component replaced (null clears it). */
    public PersonName with(Group group, Component component, String value) {
        String[][] copy = new String[GROUPS][];
        for (int g = 0; g < GROUPS; g++) {
            copy[g] = parts[g].clone();
        }
        copy[group.ordinal()][component.ordinal()] = value;
        return new PersonName(copy);
    }

    /** A copy with one alphabetic component replaced. */
    public PersonName with(Component component, String value) {
        return with(Group.ALPHABETIC, component, value);
    }

    /** One component group as encoded, trailing empty components dropped. */
    public String group(Group group) {
        String[] components = parts[group.ordinal()];
        int last = COMPONENTS - 1;
        while (last >= 0 && isEmpty(components[last])) {
            last--;
        }
        StringBuilder text = new StringBuilder();
        for (int c = 0; c <= last; c++) {
            if (c > 0) {
                text.append('^');
            }
            text.append(components[c] == null ? "" : components[c]);
        }
        return text.toString();
    }

    /**
     * The PN value: groups joined by '=', trailing empty components and groups dropped
     * (PS3.5 §6.2.1: "Doe^John", not "Doe^John^^^==").
     */
    public String format() {
        int last = GROUPS - 1;
        while (last >= 0 && group(Group.values()[last]).isEmpty()) {
            last--;
        }
        StringBuilder text = new StringBuilder();
        for (int g = 0; g <= last; g++) {
            if (g > 0) {
                text.append('=');
            }
            text.append(group(Group.values()[g]));
        }
        return text.toString();
    }

    /** Whether every component is empty. */
    public boolean isEmpty() {
        return format().isEmpty();
    }

    /**
     * Checks the length of every component group as {@link #format()} writes it.
     *
     * @return this name
     * @throws IllegalArgumentException when a group exceeds {@link #MAX_GROUP_LENGTH}
     *         characters (PS3.5 Table 6.2-1); the message names the group, not the name
     */
    public PersonName checkLength() {
        for (Group group : Group.values()) {
            int length = group(group).length();
            if (length > MAX_GROUP_LENGTH) {
                throw new IllegalArgumentException("The " + group.name().toLowerCase(Locale.ROOT)
                        + " component group of a person name has " + length
                        + " characters, more than " + MAX_GROUP_LENGTH + " (PS3.5 Table 6.2-1)");
            }
        }
        return this;
    }

    private static boolean isEmpty(String part) {
        return part == null || part.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonName other && format().equals(other.format());
    }

    @Override
    public int hashCode() {
        return format().hashCode();
    }

    /** The shape only (groups and components present), never the name itself. */
    @Override
    public String toString() {
        StringBuilder shape = new StringBuilder("PersonName[");
        for (Group group : Group.values()) {
            String[] components = parts[group.ordinal()];
            long present = Arrays.stream(components).filter(p -> !isEmpty(p)).count();
            shape.append(group.name().charAt(0)).append(present);
        }
        return shape.append(']').toString();
    }
}
