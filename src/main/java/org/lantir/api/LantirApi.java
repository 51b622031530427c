package org.lantir.api;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.lantir.app.Lantir;
import org.lantir.config.ApiSettings;
import org.lantir.config.LantirConfig;
import org.lantir.users.AccessTokens;
import org.lantir.users.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API running on a {@link Lantir}: its user directory ({@code users_db_path}, else
 * {@code USERS_DB_PATH}, else {@code users.db} beside the worklist database), its token
 * secret, and the HTTP server. {@link Lantir#close()} stops it first.
 *
 * <p>On the first start, when the user directory has no account, an {@code admin} account is
 * made, once the API listens (a start that fails makes none), with a random password that
 * {@link #firstAdminPassword()} gives once, for the caller to show on the terminal or in a
 * dialog; it is never logged.
 */
public final class LantirApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LantirApi.class);

    private final UserDirectory users;
    private final ApiServer server;
    private final String firstAdminPassword;

    private LantirApi(UserDirectory users, ApiServer server, String firstAdminPassword) {
        this.users = users;
        this.server = server;
        this.firstAdminPassword = firstAdminPassword;
    }

    /**
     * Opens the user directory and starts the API on {@code settings}' host and port.
     *
     * @param env the process environment ({@code USERS_DB_PATH}, {@code LANTIR_ADMIN_PASSWORD})
     * @throws IOException when the API cannot listen there
     * @throws IllegalArgumentException when {@code LANTIR_ADMIN_PASSWORD} breaks the password
     *         rules (the message says which, never the password)
     */
    public static LantirApi start(Lantir lantir, ApiSettings settings, Map<String, String> env)
            throws IOException {
        return start(lantir, settings, env, Clock.systemUTC(), null);
    }

    /** As {@link #start(Lantir, ApiSettings, Map)}, with a clock and bcrypt cost (tests). */
    static LantirApi start(Lantir lantir, ApiSettings settings, Map<String, String> env,
            Clock clock, Integer bcryptCost) throws IOException {
        LantirConfig config = lantir.config();
        Path usersDb = UserDirectory.usersDbPath(config, lantir.databaseFile(), env);
        UserDirectory users = bcryptCost == null ? UserDirectory.open(usersDb)
                : UserDirectory.open(usersDb, clock, bcryptCost);
        try {
            users.checkFirstAdminPassword(env);
            AccessTokens tokens = AccessTokens.open(AccessTokens.secretFileFor(usersDb),
                    settings.tokenLifetime(), settings.maxTokenLifetime(), clock);
            ApiServer server = new ApiServer(new ApiServer.Services(lantir.worklist(),
                    new UserAccess(users, tokens, clock), new UserEndpoints(users),
                    new LantirHealth(lantir), config.api(), clock));
            server.start(settings.host(), settings.port());
            // Only now, with the port open, is the first account made: a start that fails
            // must not make a password that no one is ever shown.
            String password;
            try {
                password = users.ensureAdmin(env).orElse(null);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            LantirApi api = new LantirApi(users, server, password);
            lantir.attach(api);
            LOG.info("REST API users from {}", usersDb);
            return api;
        } catch (IOException | RuntimeException e) {
            users.close();
            throw e;
        }
    }

    /** The port the API listens on. */
    public int port() {
        return server.port();
    }

    public ApiServer server() {
        return server;
    }

    /**
     * The random password of the {@code admin} account made at this start, to show once;
     * empty when accounts existed or {@code LANTIR_ADMIN_PASSWORD} gave it.
     */
    public Optional<String> firstAdminPassword() {
        return Optional.ofNullable(firstAdminPassword);
    }

    /** The words to show once with a new admin account's password (never logged). */
    public static String firstAdminNotice(String password) {
        return "A first REST API account was made: user name \"" + UserDirectory.FIRST_ADMIN
                + "\", password " + password + "\nIt is shown only this once: note it now, "
                + "then change it with `lantir admin-password`.";
    }

    @Override
    public void close() {
        server.close();
        users.close();
    }
}
