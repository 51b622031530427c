package org.lantir.api;

import java.util.Map;

/**
 * A request the API refuses, answered as JSON {@code {"detail": "...", "field": "..."}}: the
 * Python tool's clients read {@code detail}; {@code field} names the JSON field or query
 * parameter at fault, when one is. Messages never repeat a value, which may be patient data.
 */
final class ApiProblem extends RuntimeException {

    private final int status;
    private final String field;
    private final Map<String, String> headers;

    ApiProblem(int status, String detail, String field, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.field = field;
        this.headers = Map.copyOf(headers);
    }

    /** 400: a value is wrong; {@code field} names it. */
    static ApiProblem badField(String field, String detail) {
        return new ApiProblem(400, detail, field, Map.of());
    }

    static ApiProblem badRequest(String detail) {
        return new ApiProblem(400, detail, null, Map.of());
    }

    /** 401: no valid token; the client should log in again (RFC 6750 §3). */
    static ApiProblem unauthenticated(String detail) {
        return new ApiProblem(401, detail, null, Map.of("WWW-Authenticate", "Bearer"));
    }

    /** 403: a valid token whose user's role does not allow the call. */
    static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, detail, null, Map.of());
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, detail, null, Map.of());
    }

    /** 409: the request is well formed but the stored state refuses it. */
    static ApiProblem conflict(String detail, String field) {
        return new ApiProblem(409, detail, field, Map.of());
    }

    int status() {
        return status;
    }

    String detail() {
        return getMessage();
    }

    /** The JSON field or query parameter at fault, or null. */
    String field() {
        return field;
    }

    Map<String, String> headers() {
        return headers;
    }
}
