package org.lantir.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.lantir.app.AppPaths;
import org.lantir.app.Lantir;
import org.lantir.config.ConfigException;
import org.lantir.config.LantirConfig;
import org.lantir.store.StoreException;
import org.lantir.users.LoginResult;
import org.lantir.users.UserAccount;
import org.lantir.users.UserDirectory;

/**
 * What the user commands ({@code admin-password}, {@code create-user}, {@code list-users})
 * share: finding and opening the users database, making the first admin on first use (its
 * password shown once on standard output, never logged), and checking the credentials typed.
 */
final class UserCommands {

    /** The client address the login throttle and the log see for the command line. */
    static final String CLIENT = "command line";

    private UserCommands() {
    }

    /** The work of a user command, on the open users database with its first admin made. */
    @FunctionalInterface
    interface UsersWork {
        int run(UserDirectory users, Terminal terminal) throws Terminal.NoAnswerException;
    }

    /** Where the users database is; read inside the error handling of {@link #run}. */
    @FunctionalInterface
    interface UsersDbLocation {
        Path get() throws ConfigException;
    }

    /**
     * Opens the users database at {@code location}, makes the first admin if there is none,
     * and runs {@code work} with a terminal for its questions; the exit code, with problems
     * told on the parent's standard error.
     */
    static int run(LantirCommand parent, Map<String, String> env, UsersDbLocation location,
            UsersWork work) throws ConfigException {
        try (UserDirectory users = UserDirectory.open(location.get())) {
            ensureAdmin(users, env, parent.out());
            return work.run(users, Terminal.open(parent.err()));
        } catch (IllegalArgumentException e) {
            // LANTIR_ADMIN_PASSWORD breaks a rule: the environment is configuration.
            parent.err().println("lantir: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (StoreException e) {
            parent.err().println("lantir: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        } catch (Terminal.NoAnswerException e) {
            parent.err().println("lantir: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    /** The users database the configuration names (see {@link UserDirectory#usersDbPath}). */
    static Path usersDb(LantirCommand parent, Map<String, String> env) throws ConfigException {
        LantirConfig config = parent.loadConfig();
        Path worklist = Lantir.databaseFile(config,
                AppPaths.dataDirectory().resolve(AppPaths.DATABASE_FILE_NAME));
        return UserDirectory.usersDbPath(config, worklist, env);
    }

    /** Makes the first admin when there are no accounts, showing a random password once. */
    static void ensureAdmin(UserDirectory users, Map<String, String> env, PrintWriter out) {
        Optional<String> password = users.ensureAdmin(env);
        if (password.isEmpty()) {
            return;
        }
        showOnce(out, "Lantir made the first account, \"" + UserDirectory.FIRST_ADMIN
                + "\" (role admin), with this password:", password.get());
    }

    /** A password made for someone, on standard output only (never the log). */
    static void showOnce(PrintWriter out, String heading, String password) {
        out.println(heading);
        out.println();
        out.println("    " + password);
        out.println();
        out.println("It is shown only this once. Keep it somewhere safe, or change it now with "
                + "\"lantir admin-password\".");
        out.flush();
    }

    /**
     * The account whose credentials were typed, or empty after telling why not on
     * {@code err}. Wipes {@code password}.
     */
    static Optional<UserAccount> login(UserDirectory users, String username, char[] password,
            PrintWriter err) {
        Optional<UserAccount> account = checkPassword(users, username, password, err);
        return account.map(users::recordLogin);
    }

    /** As {@link #login}, without recording the login time. */
    private static Optional<UserAccount> checkPassword(UserDirectory users, String username,
            char[] password, PrintWriter err) {
        LoginResult result;
        try {
            result = users.checkPassword(username, password, CLIENT);
        } finally {
            Arrays.fill(password, '\0');
        }

        if (result instanceof LoginResult.Accepted accepted) {
            return Optional.of(accepted.user());
        }
        if (result instanceof LoginResult.Throttled throttled) {
            err.println("lantir: too many failed logins for this account; try again in "
                    + Math.max(1, throttled.retryAfter().toSeconds()) + " s");
        } else {
            err.println("lantir: wrong username or password, or the account is inactive");
        }
        return Optional.empty();
    }

    /**
     * Asks for an admin's username and password; the admin account, or empty after telling
     * on {@code err} why not (wrong credentials, not an admin).
     */
    static Optional<UserAccount> adminLogin(UserDirectory users, Terminal terminal,
            PrintWriter err) throws Terminal.NoAnswerException {
        String username = terminal.readLine("Admin username [" + UserDirectory.FIRST_ADMIN
                + "]: ").strip();
        if (username.isEmpty()) {
            username = UserDirectory.FIRST_ADMIN;
        }
        char[] password = terminal.readPassword("Password of " + username + ": ");
        Optional<UserAccount> account = checkPassword(users, username, password, err);
        if (account.isPresent() && !account.get().role().mayManageUsers()) {
            // Refused: not a login, so its time is not recorded.
            err.println("lantir: " + username + " may not manage users (role "
                    + account.get().role().wireName() + ")");
            return Optional.empty();
        }
        return account.map(users::recordLogin);
    }

    /** Asks for a new password twice; empty after telling on {@code err} if they differ. */
    static Optional<char[]> newPassword(Terminal terminal, String whose, PrintWriter err)
            throws Terminal.NoAnswerException {
        char[] first = terminal.readPassword("New password for " + whose + " (at least 12 "
                + "characters): ");
        char[] second = terminal.readPassword("Repeat the new password: ");
        try {
            if (!Arrays.equals(first, second)) {
                Arrays.fill(first, '\0');
                err.println("lantir: the two passwords differ; nothing changed");
                return Optional.empty();
            }
            return Optional.of(first);
        } finally {
            Arrays.fill(second, '\0');
        }
    }
}
