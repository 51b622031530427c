package org.lantir.cli;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lantir.users.NewUser;
import org.lantir.users.Role;
import org.lantir.users.UserAccount;
import org.lantir.users.UserDirectory;
import org.lantir.users.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir create-user [--username] [--role] [--email] [--full-name]}: an admin creates
 * an account (the Python tool's command). What the flags leave out is asked for; the new
 * password is always asked for, twice, never taken from the command line (where other users
 * of the machine could read it).
 */
@Command(name = "create-user", mixinStandardHelpOptions = true,
        description = {"Create a REST API account, after an admin's username and password.",
            "Asks for what the flags leave out, and for the new password twice. Prompts "
                    + "without echo on a terminal; without one, reads each answer as a line of "
                    + "standard input."})
final class CreateUserCommand implements Callable<Integer> {

    @ParentCommand
    LantirCommand parent;

    @Override
    public Integer call() throws Exception {
        Optional<Role> flagRole = Optional.empty();
        if (parent.role != null) {
            flagRole = Role.fromWireName(parent.role);
            if (flagRole.isEmpty()) {
                parent.err().println("lantir: --role must be admin, write or read");
                return ExitCodes.USAGE;
            }
        }

        Map<String, String> env = System.getenv();
        Optional<Role> role = flagRole;
        return UserCommands.run(parent, env, () -> UserCommands.usersDb(parent, env),
                (users, terminal) -> create(users, role, terminal));
    }

    private int create(UserDirectory users, Optional<Role> flagRole, Terminal terminal)
            throws Terminal.NoAnswerException {
        if (parent.username != null) {
            // A taken or malformed username or email is said before any password is asked.
            try {
                users.checkNewAccount(parent.username, blankToNull(parent.email));
            } catch (UserException e) {
                parent.err().println("lantir: " + e.getMessage() + "; nothing created");
                return ExitCodes.FAILED;
            }
        }
        Optional<UserAccount> admin = UserCommands.adminLogin(users, terminal, parent.err());
        if (admin.isEmpty()) {
            return ExitCodes.FAILED;
        }

        String username = parent.username != null ? parent.username
                : terminal.readLine("New username: ").strip();
        Optional<Role> role = flagRole.isPresent() ? flagRole : askRole(terminal);
        if (role.isEmpty()) {
            parent.err().println("lantir: role must be admin, write or read; nothing created");
            return ExitCodes.FAILED;
        }
        String email = parent.email != null ? parent.email
                : terminal.readLine("Email (optional): ");
        String fullName = parent.fullName != null ? parent.fullName
                : terminal.readLine("Full name (optional): ");
        Optional<char[]> password = UserCommands.newPassword(terminal, username, parent.err());
        if (password.isEmpty()) {
            return ExitCodes.FAILED;
        }

        try {
            UserAccount created = users.create(new NewUser(username, password.get(), role.get(),
                    email, fullName), admin.get().username());
            parent.out().println("Created account " + created.username() + " (role "
                    + created.role().wireName() + ", id " + created.id() + ").");
            return ExitCodes.OK;
        } catch (UserException e) {
            parent.err().println("lantir: " + e.getMessage() + "; nothing created");
            return ExitCodes.FAILED;
        } finally {
            Arrays.fill(password.get(), '\0');
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Optional<Role> askRole(Terminal terminal) throws Terminal.NoAnswerException {
        String answer = terminal.readLine("Role: admin (users and worklist), write (worklist), "
                + "read (worklist, read only) [read]: ");
        return answer.isBlank() ? Optional.of(Role.READ) : Role.fromWireName(answer);
    }
}
