package org.lantir.sync.redcap;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Patient ID or Patient Name template such as
 * {@code sub_{study}_ses_{session}_fam_{family}_site_{site}}. Placeholders: {@code {study}}
 * and {@code {family}} (the text after the last {@code -} of the study and family IDs),
 * {@code {session}}, {@code {site}}, {@code {record}} (REDCap record ID), {@code {instance}}
 * (repeat instance) and {@code {redcap:FIELD}} for any REDCap field.
 */
final class IdTemplate {

    /** The Python tool's Patient ID convention. */
    static final String DEFAULT_PATIENT_ID = "sub_{study}_ses_{session}_fam_{family}_site_{site}";
    /** The Python tool's Patient Name convention (family name ^ given name). */
    static final String DEFAULT_PATIENT_NAME = "cpip-id-{study}^fa-{family}";
    static final String FIELD_PREFIX = "redcap:";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Set<String> VARIABLES =
            Set.of("study", "family", "session", "site", "record", "instance");

    private final String template;
    private final Set<String> fields;

    private IdTemplate(String template, Set<String> fields) {
        this.template = template;
        this.fields = fields;
    }

    /** @throws IllegalArgumentException naming an unknown placeholder */
    static IdTemplate parse(String template) {
        Set<String> fields = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            if (name.startsWith(FIELD_PREFIX) && name.length() > FIELD_PREFIX.length()) {
                fields.add(name.substring(FIELD_PREFIX.length()));
            } else if (!VARIABLES.contains(name)) {
                unknown.add("{" + name + "}");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown placeholder " + unknown.get(0)
                    + "; use {study}, {family}, {session}, {site}, {record}, {instance} "
                    + "or {redcap:FIELD}");
        }
        return new IdTemplate(template, Set.copyOf(fields));
    }

    /** REDCap fields named by {@code {redcap:FIELD}} placeholders. */
    Set<String> fields() {
        return fields;
    }

    /** Fills the placeholders; {@code values} answers a variable or a {@code redcap:} name. */
    String render(UnaryOperator<String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return template;
    }
}
