package org.lantir.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON of every refusal: {@code detail} (the Python tool's clients read it) and, when one
 * field or parameter is at fault, {@code field}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(String detail, String field) {
}
