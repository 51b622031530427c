package org.lantir.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lantir.api.ApiAccess.Caller;
import org.lantir.users.NewUser;
import org.lantir.users.Role;
import org.lantir.users.UserAccount;
import org.lantir.users.UserChanges;
import org.lantir.users.UserDirectory;
import org.lantir.users.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /users}: the accounts, for admins only, with the Python tool's JSON ({@code id,
 * username, email, full_name, role, is_active, created_at, last_login}). Passwords go in and
 * never come out; the directory's rules (password length, last admin, no self-delete) answer
 * with the field they are about.
 */
public final class UserEndpoints {

    private static final Logger LOG = LoggerFactory.getLogger(UserEndpoints.class);
    private static final Set<String> CREATE_FIELDS =
            Set.of("username", "email", "full_name", "password", "role");
    /** Fields an account shows and no request sets. */
    private static final Set<String> SHOWN_ONLY = Set.of("id", "created_at", "last_login");
    private static final Set<String> UPDATE_FIELDS =
            Set.of("email", "full_name", "password", "role", "is_active");

    private final UserDirectory users;
    private Authorizer auth;
    private JsonBodies bodies;

    public UserEndpoints(UserDirectory users) {
        this.users = users;
    }

    void register(Javalin app, Authorizer authorizer, JsonBodies jsonBodies) {
        this.auth = authorizer;
        this.bodies = jsonBodies;
        app.get("/users", this::list);
        app.post("/users", this::create);
        app.put("/users/{id}", this::update);
        app.delete("/users/{id}", this::delete);
    }

    private void list(Context ctx) {
        Caller caller = auth.mayManageUsers(ctx);
        List<UserAccount> accounts = users.list();
        ArrayNode answer = JsonNodeFactory.instance.arrayNode();
        accounts.forEach(account -> answer.add(toJson(account)));
        LOG.info("API: {} listed {} user(s)", caller.username(), accounts.size());
        JsonBodies.answer(ctx, 200, answer);
    }

    private void create(Context ctx) {
        Caller caller = auth.mayManageUsers(ctx);
        ObjectNode body = checked(bodies.object(ctx), CREATE_FIELDS);
        char[] password = required(body, "password").toCharArray();
        try {
            NewUser user = new NewUser(required(body, "username"), password,
                    role(body, Role.READ), optional(body, "email"), optional(body, "full_name"));
            UserAccount created = users.create(user, caller.username());
            LOG.info("API: {} created user {} (id {})", caller.username(), created.username(),
                    created.id());
            ctx.header("Location", "/users/" + created.id());
            JsonBodies.answer(ctx, 200, toJson(created));
        } catch (UserException e) {
            throw refusal(e);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void update(Context ctx) {
        Caller caller = auth.mayManageUsers(ctx);
        long id = id(ctx);
        ObjectNode body = checked(bodies.object(ctx), UPDATE_FIELDS);
        String newPassword = optional(body, "password");
        char[] password = newPassword == null ? null : newPassword.toCharArray();
        try {
            UserChanges changes = new UserChanges(optional(body, "email"),
                    optional(body, "full_name"), password, role(body, null), active(body));
            UserAccount changed = users.update(id, changes, caller.username());
            LOG.info("API: {} changed user {} (id {})", caller.username(), changed.username(),
                    id);
            JsonBodies.answer(ctx, 200, toJson(changed));
        } catch (UserException e) {
            throw refusal(e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private void delete(Context ctx) {
        Caller caller = auth.mayManageUsers(ctx);
        long id = id(ctx);
        String username = users.find(id).map(UserAccount::username).orElse(null);
        try {
            users.delete(id, caller.username());
        } catch (UserException e) {
            throw refusal(e);
        }
        LOG.info("API: {} deleted user {} (id {})", caller.username(), username, id);
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("message", "User " + username + " deleted successfully");
        JsonBodies.answer(ctx, 200, answer);
    }

    static ObjectNode toJson(UserAccount account) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", account.id());
        o.put("username", account.username());
        o.put("email", account.email());
        o.put("full_name", account.fullName());
        o.put("role", account.role().wireName());
        o.put("is_active", account.active());
        o.put("created_at", account.createdAt() == null ? null
                : account.createdAt().toString());
        o.put("last_login", account.lastLogin() == null ? null
                : account.lastLogin().toString());
        return o;
    }

    private static ObjectNode checked(ObjectNode body, Set<String> known) {
        body.fieldNames().forEachRemaining(name -> {
            if (known.contains(name)) {
                return;
            }
            if (name.equals("username")) {
                throw ApiProblem.badField(name, "username: renaming an account is not "
                        + "supported; create a new account and delete this one");
            }
            if (SHOWN_ONLY.contains(name)) {
                throw ApiProblem.badField(name, name + ": read-only, set by Lantir");
            }
            throw ApiProblem.badField(name, "unknown field");
        });
        return body;
    }

    private static String required(ObjectNode body, String name) {
        String value = optional(body, name);
        if (value == null) {
            throw ApiProblem.badField(name, name + ": required");
        }
        return value;
    }

    private static String optional(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiProblem.badField(name, name + ": expected a string");
        }
        return value.textValue();
    }

    private static Role role(ObjectNode body, Role fallback) {
        String word = optional(body, "role");
        if (word == null) {
            return fallback;
        }
        return Role.fromWireName(word).orElseThrow(() -> ApiProblem.badField("role",
                "role: one of admin, write, read"));
    }

    private static Boolean active(ObjectNode body) {
        JsonNode value = body.get("is_active");
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiProblem.badField("is_active", "is_active: true or false");
        }
        return value.booleanValue();
    }

    private static long id(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw ApiProblem.badField("id", "a user id, a whole number above 0");
    }

    /** The directory's refusal as 400, 404 or 409, in its words (never a password). */
    private static ApiProblem refusal(UserException e) {
        return switch (e.reason()) {
            case INVALID_FIELD -> ApiProblem.badField(e.field(), e.getMessage());
            case NOT_FOUND -> ApiProblem.notFound(e.getMessage());
            case DUPLICATE_USERNAME, DUPLICATE_EMAIL, LAST_ADMIN, SELF_DELETE ->
                    new ApiProblem(e.reason() == UserException.Reason.SELF_DELETE ? 400 : 409,
                            e.getMessage(), e.field(), Map.of());
        };
    }
}
