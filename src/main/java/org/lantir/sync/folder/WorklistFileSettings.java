package org.lantir.sync.folder;

import java.util.Objects;
import org.lantir.dicom.data.SpecificCharacterSet;

/**
 * How a folder of DICOM worklist files is read.
 *
 * @param defaultCharset the character set of files that declare none
 *        ({@code default_character_set}; the default repertoire, ASCII)
 * @param modality Modality of steps that have none, or null
 * @param stationAeTitle Scheduled Station AE Title of steps that have none, or null
 */
record WorklistFileSettings(SpecificCharacterSet defaultCharset, String modality,
        String stationAeTitle) {

    WorklistFileSettings {
        Objects.requireNonNull(defaultCharset, "defaultCharset");
    }
}
