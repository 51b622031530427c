package org.lantir.sync.folder;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180): fields separated by the delimiter, records by
 * CRLF, LF or CR; a field in double quotes may hold the delimiter, line breaks and doubled
 * quotes ({@code ""} is one {@code "}). A byte order mark at the start is dropped, as are
 * blank lines. A quote inside an unquoted field is taken as it is (spreadsheets write such
 * fields). Text after a closing quote is an error of that record, and the records after it
 * still come; a quote never closed takes the rest of the text with it, and the error names
 * the line it opened on.
 *
 * <p>Each record knows the line it starts on and, for an error, the column (1-based) where
 * the problem is, so that a message can point at {@code file:line:column}.
 */
final class CsvParser {

    private static final char QUOTE = '"';
    private static final char BOM = '\uFEFF';

    private final String text;
    private final char delimiter;
    private int at;
    private int line = 1;

    private CsvParser(String text, char delimiter) {
        this.text = !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        this.delimiter = delimiter;
    }

    /**
     * One record.
     *
     * @param line the line (1-based) the record starts on
     * @param fields the fields, unquoted
     * @param error why the record cannot be read, or null
     * @param errorColumn the column (1-based) the error is in, or 0 when there is no error
     */
    record Record(int line, List<String> fields, String error, int errorColumn) {

        boolean isValid() {
            return error == null;
        }
    }

    /** Every record of {@code text}, blank lines left out. */
    static List<Record> parse(String text, char delimiter) {
        if (delimiter == QUOTE || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("A CSV delimiter cannot be a quote or a line "
                    + "break");
        }
        CsvParser parser = new CsvParser(text, delimiter);
        List<Record> records = new ArrayList<>();
        while (parser.at < parser.text.length()) {
            Record record = parser.record();
            if (record != null) {
                records.add(record);
            }
        }
        return records;
    }

    /** The record starting here, or null for a blank line. */
    private Record record() {
        int startLine = line;
        if (atLineBreak()) {
            skipLineBreak();
            return null;
        }
        List<String> fields = new ArrayList<>();
        while (true) {
            int column = fields.size() + 1;
            String error = at < text.length() && text.charAt(at) == QUOTE
                    ? quotedField(fields) : plainField(fields);
            if (error != null) {
                skipRestOfRecord();
                return new Record(startLine, fields, error, column);
            }
            if (at >= text.length() || atLineBreak()) {
                skipLineBreak();
                return new Record(startLine, fields, null, 0);
            }
            at++; // the delimiter
        }
    }

    private String plainField(List<String> fields) {
        int start = at;
        while (at < text.length() && text.charAt(at) != delimiter && !atLineBreak()) {
            at++;
        }
        fields.add(text.substring(start, at));
        return null;
    }

    /** A quoted field; the error when it is never closed or text follows its closing quote. */
    private String quotedField(List<String> fields) {
        int openLine = line;
        at++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                return "the quote opened on line " + openLine + " is never closed";
            }
            char c = text.charAt(at++);
            if (c == QUOTE) {
                if (at < text.length() && text.charAt(at) == QUOTE) {
                    value.append(QUOTE);
                    at++;
                    continue;
                }
                break;
            }
            if (c == '\n' || c == '\r' && (at >= text.length() || text.charAt(at) != '\n')) {
                line++;
            }
            value.append(c);
        }
        if (at < text.length() && text.charAt(at) != delimiter && !atLineBreak()) {
            return "text after the closing quote; a quote inside a quoted field is written "
                    + "twice (\"\")";
        }
        fields.add(value.toString());
        return null;
    }

    private boolean atLineBreak() {
        return at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r');
    }

    private void skipLineBreak() {
        if (at < text.length() && text.charAt(at) == '\r') {
            at++;
        }
        if (at < text.length() && text.charAt(at) == '\n') {
            at++;
        }
        line++;
    }

    /**
     * After an error: on to the next line break outside quotes as far as can be told (the
     * rest of this physical line), so that the next record starts cleanly.
     */
    private void skipRestOfRecord() {
        while (at < text.length() && !atLineBreak()) {
            at++;
        }
        if (at < text.length()) {
            skipLineBreak();
        }
    }
}
