package org.lantir.sync.folder;

import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How a CSV folder's files are read.
 *
 * @param charset the files' encoding ({@code encoding}, UTF-8)
 * @param delimiter the field separator ({@code delimiter}, a comma)
 * @param modality Modality of rows whose file has no modality value, or null
 * @param stationAeTitle Scheduled Station AE Title of rows that name none, or null
 * @param stationName Scheduled Station Name of rows that name none, or null
 * @param protocolScheme Coding Scheme Designator of the protocol codes
 *        ({@code protocol_coding_scheme}, {@code 99LANTIR})
 */
record CsvSettings(Charset charset, char delimiter, String modality, String stationAeTitle,
        String stationName, String protocolScheme) {

    static final String DEFAULT_PROTOCOL_SCHEME = "99LANTIR";

    CsvSettings {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(protocolScheme, "protocolScheme");
    }
}
