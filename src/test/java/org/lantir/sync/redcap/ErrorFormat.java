package org.lantir.sync.redcap;

import java.util.Map;
import java.util.Set;

/**
 * How the emulator renders an error: in {@code returnFormat}, else in {@code format}, else in
 * XML (an unknown {@code format} silently becomes XML), per the reference notes §1 and §5.2.
 */
enum ErrorFormat {
    JSON, CSV, XML;

    private static final Set<String> FORMATS = Set.of("json", "csv", "xml", "odm");
    private static final Map<String, ErrorFormat> RETURN_FORMATS =
            Map.of("json", JSON, "csv", CSV, "xml", XML);

    static ErrorFormat of(String format, String returnFormat) {
        if (returnFormat != null && RETURN_FORMATS.containsKey(returnFormat)) {
            return RETURN_FORMATS.get(returnFormat);
        }
        String resolved = format != null && FORMATS.contains(format) ? format : "xml";
        return RETURN_FORMATS.getOrDefault(resolved, XML);
    }

    RedcapEmulator.Answer error(int status, String message) {
        switch (this) {
            case JSON:
                return new RedcapEmulator.Answer(status, "application/json; charset=utf-8",
                        RedcapEmulator.json(Map.of("error", message)));
            case CSV:
                return new RedcapEmulator.Answer(status, "text/csv; charset=utf-8",
                        "ERROR: " + message);
            default:
                return new RedcapEmulator.Answer(status, "text/xml; charset=utf-8",
                        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>" + message
                                + "</error></hash>");
        }
    }
}
