package org.lantir.config;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used: unreadable, malformed JSON, or a value of the
 * wrong shape. The message names the file, the JSON path of the value (for example
 * {@code data_sources[1].sync_interval}) and what was expected, so that a person can fix it
 * without reading code. Messages never carry credential values.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String jsonPath;
    private final String problem;

    public ConfigException(Path file, String jsonPath, String problem) {
        super(format(file, jsonPath, problem));
        this.file = file;
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    public ConfigException(Path file, String jsonPath, String problem, Throwable cause) {
        super(format(file, jsonPath, problem), cause);
        this.file = file;
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    /** The file being read, or null when the JSON did not come from a file. */
    public Path file() {
        return file;
    }

    /** The JSON path of the offending value, or an empty string for the whole file. */
    public String jsonPath() {
        return jsonPath;
    }

    /** What is wrong, without the file and the path (e.g. "expected a whole number ..."). */
    public String problem() {
        return problem;
    }

    private static String format(Path file, String jsonPath, String problem) {
        String where = file == null ? "configuration" : "configuration file " + file;
        if (jsonPath == null || jsonPath.isEmpty()) {
            return where + ": " + problem;
        }
        return where + ": " + jsonPath + ": " + problem;
    }
}
