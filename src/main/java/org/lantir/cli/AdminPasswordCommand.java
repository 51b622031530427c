package org.lantir.cli;

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
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir admin-password [--username NAME]}: changes an account's password (the
 * Python tool's command; {@code admin} unless {@code --username} names another), after its
 * current password. The account's existing access tokens stop working.
 */
@Command(name = "admin-password", mixinStandardHelpOptions = true,
        description = {"Change the password of the admin account (or of --username), after "
                + "its current password.",
            "Prompts without echo on a terminal; without one, reads each answer as a line "
                    + "of standard input."})
final class AdminPasswordCommand implements Callable<Integer> {

    @ParentCommand
    LantirCommand parent;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        String username = parent.username == null ? UserDirectory.FIRST_ADMIN : parent.username;
        try (UserDirectory users = UserDirectory.open(UserCommands.usersDb(parent, env))) {
            UserCommands.ensureAdmin(users, env, parent.out());
            return change(users, username, Terminal.open(parent.err()));
        } catch (StoreException e) {
            parent.err().println("lantir: " + e.getMessage());
            return ExitCodes.UNAVAILABLE;
        } catch (Terminal.NoAnswerException e) {
            parent.err().println("lantir: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }

    private int change(UserDirectory users, String username, Terminal terminal)
            throws Terminal.NoAnswerException {
        char[] current = terminal.readPassword("Current password of " + username + ": ");
        Optional<UserAccount> account = UserCommands.login(users, username, current,
                parent.err());
        if (account.isEmpty()) {
            return ExitCodes.FAILED;
        }

        Optional<char[]> password = UserCommands.newPassword(terminal, username, parent.err());
        if (password.isEmpty()) {
            return ExitCodes.FAILED;
        }
        try {
            users.update(account.get().id(), UserChanges.password(password.get()), username);
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
