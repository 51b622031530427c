package org.lantir.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.lantir.users.UserAccount;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code lantir list-users}: the REST API's accounts as a table, for an admin. */
@Command(name = "list-users", mixinStandardHelpOptions = true,
        description = {"List the REST API's accounts, after an admin's username and password.",
            "Prompts without echo on a terminal; without one, reads each answer as a line of "
                    + "standard input."})
final class ListUsersCommand implements Callable<Integer> {

    private static final String[] HEADERS = {"ID", "Username", "Role", "Active", "Email",
        "Full name", "Last login"};
    private static final DateTimeFormatter LOGIN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    LantirCommand parent;

    @Override
    public Integer call() throws Exception {
        Map<String, String> env = System.getenv();
        return UserCommands.run(parent, env, () -> UserCommands.usersDb(parent, env),
                (users, terminal) -> {
                    if (UserCommands.adminLogin(users, terminal, parent.err()).isEmpty()) {
                        return ExitCodes.FAILED;
                    }
                    print(users.list(), parent.out(), ZoneId.systemDefault());
                    return ExitCodes.OK;
                });
    }

    static void print(List<UserAccount> accounts, PrintWriter out, ZoneId zone) {
        List<String[]> table = new ArrayList<>();
        table.add(HEADERS);
        for (UserAccount account : accounts) {
            table.add(new String[] {String.valueOf(account.id()), account.username(),
                account.role().wireName(), account.active() ? "yes" : "no",
                Objects.toString(account.email(), ""), Objects.toString(account.fullName(), ""),
                loginTime(account.lastLogin(), zone)});
        }
        TextTable.print(table, out);
        out.printf("%d account(s)%n", accounts.size());
        out.flush();
    }

    private static String loginTime(Instant lastLogin, ZoneId zone) {
        return lastLogin == null ? "never" : LOGIN_TIME.format(lastLogin.atZone(zone));
    }
}
