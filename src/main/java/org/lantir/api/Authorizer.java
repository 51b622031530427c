package org.lantir.api;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;
import org.lantir.api.ApiAccess.Caller;

/**
 * Who calls, from the {@code Authorization: Bearer} header (RFC 6750 §2.1), and whether their
 * role allows the call: 401 with {@code WWW-Authenticate: Bearer} when there is no valid token
 * (missing, malformed, tampered with, expired, or its user deactivated), 403 when the token is
 * good but the role is not enough.
 */
final class Authorizer {

    private static final String SCHEME = "bearer ";

    private final ApiAccess access;

    Authorizer(ApiAccess access) {
        this.access = access;
    }

    /** The caller when a valid token came, else empty (no refusal). */
    Optional<Caller> optionalCaller(Context ctx) {
        String token = token(ctx);
        return token == null ? Optional.empty() : access.caller(token, ctx.ip());
    }

    Caller caller(Context ctx) {
        String token = token(ctx);
        if (token == null) {
            throw ApiProblem.unauthenticated("Not authenticated: send Authorization: Bearer "
                    + "<token> from POST /auth/login");
        }
        return access.caller(token, ctx.ip()).orElseThrow(() -> ApiProblem.unauthenticated(
                "Invalid or expired token: log in again"));
    }

    Caller mayReadWorklist(Context ctx) {
        Caller caller = caller(ctx);
        if (!caller.mayReadWorklist()) {
            throw forbidden(caller, "read the worklist");
        }
        return caller;
    }

    Caller mayWriteWorklist(Context ctx) {
        Caller caller = caller(ctx);
        if (!caller.mayWriteWorklist()) {
            throw forbidden(caller, "change the worklist (the write or admin role may)");
        }
        return caller;
    }

    Caller mayManageUsers(Context ctx) {
        Caller caller = caller(ctx);
        if (!caller.mayManageUsers()) {
            throw forbidden(caller, "manage users (the admin role may)");
        }
        return caller;
    }

    private static ApiProblem forbidden(Caller caller, String what) {
        return ApiProblem.forbidden("Insufficient permissions: role " + caller.role()
                + " may not " + what);
    }

    private static String token(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() <= SCHEME.length()
                || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT)
                        .equals(SCHEME)) {
            return null;
        }
        String token = header.substring(SCHEME.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
