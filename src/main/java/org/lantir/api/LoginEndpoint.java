package org.lantir.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.lantir.api.ApiAccess.LoginAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /auth/login}: {@code {username, password, access_token_expire_minutes?}} gives
 * {@code {access_token, token_type: "bearer"}}, as in the Python tool. A wrong user name and a
 * wrong password get the same 401; repeated failures get 429 with {@code Retry-After}.
 */
final class LoginEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(LoginEndpoint.class);
    private static final Set<String> FIELDS =
            Set.of("username", "password", "access_token_expire_minutes");

    private final ApiAccess access;
    private final JsonBodies bodies;

    LoginEndpoint(ApiAccess access, JsonBodies bodies) {
        this.access = access;
        this.bodies = bodies;
    }

    void login(Context ctx) {
        ObjectNode body = bodies.object(ctx);
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiProblem.badField(name, "unknown field");
            }
        });
        String username = text(body, "username");
        char[] password = text(body, "password").toCharArray();
        Duration lifetime = lifetime(body.get("access_token_expire_minutes"));

        LoginAnswer answer;
        try {
            answer = access.login(username, password, ctx.ip(), lifetime);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (answer instanceof LoginAnswer.Throttled throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            // The user directory logs refusals and throttling, with the client's address.
            LOG.debug("API: login as {} throttled, retry in {} s", username, seconds);
            throw new ApiProblem(429, "Too many failed logins: try again in " + seconds
                    + " s", null, Map.of("Retry-After", String.valueOf(seconds)));
        }
        if (!(answer instanceof LoginAnswer.Issued issued)) {
            LOG.debug("API: login as {} refused", username);
            throw ApiProblem.unauthenticated("Invalid username or password");
        }
        LOG.info("API: {} logged in ({} role, token for {} min)", issued.caller().username(),
                issued.caller().role(), lifetime.toMinutes());
        ObjectNode token = JsonNodeFactory.instance.objectNode();
        token.put("access_token", issued.token());
        token.put("token_type", "bearer");
        token.put("expires_in", lifetime.toSeconds());
        ctx.header("Cache-Control", "no-store");
        JsonBodies.answer(ctx, 200, token);
    }

    private static String text(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            throw ApiProblem.badField(name, "required");
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw ApiProblem.badField(name, "expected a non-empty string");
        }
        return value.textValue();
    }

    private Duration lifetime(JsonNode minutes) {
        if (minutes == null || minutes.isNull()) {
            return access.defaultLifetime();
        }
        long max = access.maxLifetime().toMinutes();
        if (!minutes.canConvertToExactIntegral() || minutes.asLong() < 1
                || minutes.asLong() > max) {
            throw ApiProblem.badField("access_token_expire_minutes", "a whole number of "
                    + "minutes from 1 to " + max + " (the site's maximum)");
        }
        return Duration.ofMinutes(minutes.asLong());
    }
}
