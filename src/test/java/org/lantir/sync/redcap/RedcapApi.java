package org.lantir.sync.redcap;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lantir.sync.redcap.RedcapEmulator.Answer;
import org.lantir.sync.redcap.RedcapEmulator.Request;

/** Answers one authorised API request of {@link RedcapEmulator} from its project. */
final class RedcapApi {

    /** §2.3 rule 1: Y-M-D with - or /, optional time after a space or T, : or . separators. */
    private static final Pattern BOUND = Pattern.compile(
            "(\\d{1,4})[-/](\\d{1,2})[-/](\\d{1,2})"
                    + "(?:[ T](\\d{1,2})[:.](\\d{1,2})(?:[:.](\\d{1,2}))?)?");
    /** §2.3 rule 3: the begin bound when only an end is given (or the begin is unreadable). */
    private static final LocalDateTime EARLIEST = LocalDateTime.of(2004, 8, 1, 0, 0);
    private static final String INSTRUMENT = "redcap_repeat_instrument";
    private static final String INSTANCE = "redcap_repeat_instance";

    private final RedcapProject project;
    private final LocalDateTime now;
    private final ErrorFormat errors;

    RedcapApi(RedcapProject project, LocalDateTime now, ErrorFormat errors) {
        this.project = project;
        this.now = now;
        this.errors = errors;
    }

    Answer answer(Request request) {
        String content = request.param("content");
        switch (content == null ? "" : content) {
            case "record":
                return records(request);
            case "metadata":
                return metadata(request);
            case "project":
                return new Answer(200, "application/json; charset=utf-8", project.projectJson());
            case "version":
                return new Answer(200, "text/plain; charset=utf-8", project.version());
            case "exportFieldNames":
                return new Answer(200, "application/json; charset=utf-8",
                        project.exportFieldNamesJson());
            case "repeatingFormsEvents":
                return new Answer(200, "application/json; charset=utf-8",
                        project.repeatingJson());
            case "formEventMapping":
                return errors.error(400,
                        "You cannot export form/event mappings for classic projects");
            case "event":
                return errors.error(400, "You cannot export events for classic projects");
            case "arm":
                return errors.error(400, "You cannot export arms for classic projects");
            default:
                return errors.error(400, "The value of the parameter \"content\" is not valid");
        }
    }

    private Answer metadata(Request request) {
        List<String> fields = request.array("fields");
        List<String> forms = request.array("forms");
        List<Map<String, String>> result = new ArrayList<>();
        for (Map<String, String> field : project.metadata()) {
            boolean all = fields.isEmpty() && forms.isEmpty();
            if (all || fields.contains(field.get("field_name"))
                    || forms.contains(field.get("form_name"))) {
                result.add(field);
            }
        }
        return Answer.json(result);
    }

    private Answer records(Request request) {
        Answer unsupported = unsupported(request);
        if (unsupported != null) {
            return unsupported;
        }
        List<String> fields = request.array("fields");
        List<String> forms = request.array("forms");
        Answer invalid = invalid("fields", fields, validFields());
        invalid = invalid != null ? invalid : invalid("forms", forms, project.forms());
        if (invalid != null) {
            return invalid;
        }
        Set<String> selected = selected(fields, forms);
        Set<String> records = matchingRecords(request);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> row : project.rows()) {
            if (records.contains(String.valueOf(row.get("record_id")))
                    && rowWanted(row, selected)) {
                out.add(project(row, selected));
            }
        }
        return Answer.json(out);
    }

    private Answer unsupported(Request request) {
        if (!"json".equals(request.param("format"))) {
            return errors.error(400, "emulator: only format=json is served");
        }
        String type = request.param("type");
        if (type != null && !type.equals("flat")) {
            return errors.error(400, "emulator: only type=flat is served");
        }
        String raw = request.param("rawOrLabel");
        if (raw != null && !raw.equals("raw")) {
            return errors.error(400, "emulator: only rawOrLabel=raw is served");
        }
        String filter = request.param("filterLogic");
        if (filter != null && !filter.isBlank()) {
            return errors.error(400, "emulator: filterLogic is not supported");
        }
        return null;
    }

    private Set<String> validFields() {
        Set<String> valid = new HashSet<>(project.fieldNames());
        project.forms().forEach(form -> valid.add(form + "_complete"));
        return valid;
    }

    private Answer invalid(String parameter, List<String> values, Set<String> valid) {
        List<String> bad = values.stream().filter(v -> !valid.contains(v))
                .collect(Collectors.toList());
        if (bad.isEmpty()) {
            return null;
        }
        String list = bad.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", "));
        return errors.error(400, "The following values in the parameter \"" + parameter
                + "\" are not valid: " + list);
    }

    /** The selected columns, or null for every column. */
    private Set<String> selected(List<String> fields, List<String> forms) {
        if (fields.isEmpty() && forms.isEmpty()) {
            return null;
        }
        Set<String> selected = new HashSet<>(fields);
        for (String form : forms) {
            project.fieldNames().stream().filter(f -> form.equals(project.formOf(f)))
                    .forEach(selected::add);
            selected.add(form + "_complete");
        }
        return selected;
    }

    /** §2.2/§2.4: instance rows only for a repeating form that owns a selected field. */
    private boolean rowWanted(Map<String, Object> row, Set<String> selected) {
        String instrument = String.valueOf(row.get(INSTRUMENT));
        if (selected == null || instrument.isEmpty()) {
            return true;
        }
        return selected.stream().anyMatch(f -> instrument.equals(project.formOf(f))
                || f.equals(instrument + "_complete"));
    }

    /** Record ID, the repeat pseudo-columns, then the selection in dictionary order. */
    private Map<String, Object> project(Map<String, Object> row, Set<String> selected) {
        if (selected == null) {
            return row;
        }
        String idField = project.fieldNames().get(0);
        Map<String, Object> out = new LinkedHashMap<>();
        if (selected.contains(idField)) {
            out.put(idField, row.get(idField));
        }
        out.put(INSTRUMENT, row.get(INSTRUMENT));
        out.put(INSTANCE, row.get(INSTANCE));
        for (String column : dictionaryColumns()) {
            if (selected.contains(column) && !column.equals(idField)) {
                out.put(column, row.getOrDefault(column, ""));
            }
        }
        return out;
    }

    private List<String> dictionaryColumns() {
        List<String> columns = new ArrayList<>();
        for (String form : project.forms()) {
            project.fieldNames().stream().filter(f -> form.equals(project.formOf(f)))
                    .forEach(columns::add);
            columns.add(form + "_complete");
        }
        return columns;
    }

    /** Records in {@code records} (if given) that changed inside the window (if any). */
    private Set<String> matchingRecords(Request request) {
        Set<String> ids = new LinkedHashSet<>();
        project.rows().forEach(row -> ids.add(String.valueOf(row.get("record_id"))));
        List<String> wanted = request.array("records");
        if (!wanted.isEmpty()) {
            ids.retainAll(wanted);
        }
        String beginText = request.param("dateRangeBegin");
        String endText = request.param("dateRangeEnd");
        boolean windowed = beginText != null && !beginText.isBlank()
                || endText != null && !endText.isBlank();
        if (windowed) {
            LocalDateTime begin = bound(beginText, false, EARLIEST);
            LocalDateTime end = bound(endText, true, now);
            ids.removeIf(id -> project.changes(id).stream()
                    .noneMatch(t -> !t.isBefore(begin) && !t.isAfter(end)));
        }
        return ids;
    }

    /** §2.3 rules 1, 2 and 4: loose parse; a missing time is 00:00:00 or 23:59:59. */
    static LocalDateTime bound(String text, boolean isEnd, LocalDateTime fallback) {
        if (text == null) {
            return fallback;
        }
        Matcher m = BOUND.matcher(text.trim());
        if (!m.matches()) {
            return fallback;
        }
        try {
            int hour = m.group(4) == null ? (isEnd ? 23 : 0) : Integer.parseInt(m.group(4));
            int minute = m.group(5) == null ? (isEnd ? 59 : 0) : Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? (isEnd && m.group(4) == null ? 59 : 0)
                    : Integer.parseInt(m.group(6));
            return LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), hour, minute, second);
        } catch (java.time.DateTimeException e) {
            return fallback;
        }
    }
}
