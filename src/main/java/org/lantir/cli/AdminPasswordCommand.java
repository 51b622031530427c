package org.lantir.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lantir.store.StoreException;
import org.lantir.users.UserAccount;
import org.lantir.users.UserChanges;
import org.lantir.users.UserDirectory;
import org.lantir.users.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir admin-password [--username NAME] [--reset]}: changes an account's password (the
 * Python tool's command; {@code admin} unless {@code --username} names another), after its
 * current password. The account's existing access tokens stop working. {@code --reset} is
 * the way back from a lost password: no current password, for whoever may write the users
 * database file.
 */
@Command(name = "admin-password", mixinStandardHelpOptions = true,
        description = {"Change the password of the admin account (or of --username), after "
                + "its current password.",
            "Prompts without echo on a terminal; without one, reads each answer as a line "
                    + "of standard input.",
            "With --reset, a lost password: no current password asked; run as someone who may "
                    + "write the users database file."})
final class AdminPasswordCommand implements Callable<Integer> {

    @ParentCommand
    LantirCommand parent;

    @Option(names = "--reset",
            description = "Set a new password without the current one: random and shown once, "
                    + "or LANTIR_ADMIN_PASSWORD when set. Ends the account's tokens and "
                    + "makes it active again. Needs write access to the users database file.")
    boolean reset;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        String username = parent.username == null ? UserDirectory.FIRST_ADMIN : parent.username;
        Path usersDb = UserCommands.usersDb(parent, env);
        if (reset) {
            return reset(usersDb, username, env);
        }
        return UserCommands.run(parent, env, () -> usersDb,
                (users, terminal) -> change(users, username, terminal));
    }

    /**
     * Whoever may write the users database could as well replace it: that trust, checked
     * here, is what lets a reset skip the current password.
     */
    private int reset(Path usersDb, String username, Map<String, String> env) {
        if (!Files.isRegularFile(usersDb)) {
            parent.err().println("lantir: there is no users database at " + usersDb
                    + "; nothing to reset (the first start of the API makes the admin)");
            return ExitCodes.FAILED;
        }
        if (!Files.isWritable(usersDb)) {
            parent.err().println("lantir: --reset needs write access to " + usersDb
                    + " (the same trust as replacing it); run it as the account Lantir runs as");
            return ExitCodes.UNAVAILABLE;
        }
        try (UserDirectory users = UserDirectory.open(usersDb)) {
            Optional<String> password = users.resetPassword(username, env);
            String ended = "Its earlier access tokens no longer work, and the account is active.";
            if (password.isPresent()) {
                UserCommands.showOnce(parent.out(), "Reset the password of " + username + " to:",
                        password.get());
            } else {
                parent.out().println("Reset the password of " + username + " to the one in "
                        + UserDirectory.ADMIN_PASSWORD_ENV + ".");
            }
            parent.out().println(ended);
            parent.out().flush();
            return ExitCodes.OK;
        } catch (UserException e) {
            parent.err().println("lantir: " + e.getMessage() + "; nothing changed");
            return ExitCodes.FAILED;
        } catch (IllegalArgumentException e) {
            parent.err().println("lantir: " + e.getMessage() + "; nothing changed");
            return ExitCodes.CONFIG;
        } catch (StoreException e) {
            parent.err().println("lantir: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        }
    }

    private int change(UserDirectory users, String username, Terminal terminal)
            throws Terminal.NoAnswerException {
        char[] current = terminal.readPassword("Current password of " + username + ": ");
        char[] kept = current.clone();
        try {
            Optional<UserAccount> account = UserCommands.login(users, username, current,
                    parent.err());
            if (account.isEmpty()) {
                return ExitCodes.FAILED;
            }
            return change(users, account.get(), username, kept, terminal);
        } finally {
            Arrays.fill(kept, '\0');
        }
    }

    private int change(UserDirectory users, UserAccount account, String username,
            char[] current, Terminal terminal) throws Terminal.NoAnswerException {
        Optional<char[]> password = UserCommands.newPassword(terminal, username, parent.err());
        if (password.isEmpty()) {
            return ExitCodes.FAILED;
        }
        if (Arrays.equals(password.get(), current)) {
            Arrays.fill(password.get(), '\0');
            parent.err().println("lantir: the new password is the current one; nothing changed");
            return ExitCodes.FAILED;
        }
        try {
            users.update(account.id(), UserChanges.password(password.get()), username);
        } catch (UserException e) {
            parent.err().println("lantir: " + e.getMessage() + "; nothing changed");
            return ExitCodes.FAILED;
        } finally {
            Arrays.fill(password.get(), '\0');
        }

        parent.out().println("Changed the password of " + username
                + "; its earlier access tokens no longer work.");
        return ExitCodes.OK;
    }
}
