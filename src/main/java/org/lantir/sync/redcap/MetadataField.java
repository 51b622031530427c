package org.lantir.sync.redcap;

/**
 * One field of a REDCap project's data dictionary ({@code content=metadata}). The first field
 * of the dictionary is the project's record-ID field.
 */
public record MetadataField(String fieldName, String formName, String fieldType) {
}
