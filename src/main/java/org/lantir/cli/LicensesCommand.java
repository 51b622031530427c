package org.lantir.cli;

import java.util.concurrent.Callable;
import org.lantir.app.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir licenses}: Lantir's own license and the license notices of every library
 * bundled with it, as the build generated them into the jar (the About box shows the same).
 */
@Command(name = "licenses", mixinStandardHelpOptions = true,
        description = "Print Lantir's license and the licenses of its bundled libraries.")
final class LicensesCommand implements Callable<Integer> {

    @ParentCommand
    LantirCommand parent;

    @Override
    public Integer call() {
        parent.out().println("Lantir " + BuildInfo.version() + " (built "
                + BuildInfo.buildDate() + ")");
        parent.out().println();
        parent.out().println(BuildInfo.ownLicenseOrNotice().strip());
        parent.out().println();
        parent.out().println(BuildInfo.thirdPartyNotices().orElse("The license notices of "
                + "the bundled libraries are made by the Maven build (mvnw package); this "
                + "copy of Lantir was not built that way.").strip());
        parent.out().println();
        parent.out().println(BuildInfo.javaRuntimeNotice());
        parent.out().flush();
        return ExitCodes.OK;
    }
}
