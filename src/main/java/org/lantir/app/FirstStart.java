package org.lantir.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lantir.config.ConfigDefaults;
import org.lantir.config.ConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start on a computer: no configuration file named and none in the data folder yet.
 * Writes a commented default configuration there, so that the DICOM server starts at once on
 * the first free port from 4242 as {@code MWL_SERVER}, and the person (or the terminal) is told
 * where everything is. The file is the Python tool's JSON: its comments are keys starting with
 * {@code _}, which both tools read past and keep.
 */
public final class FirstStart {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    /** How many ports from the preferred one are tried before giving up on finding a free one. */
    static final int PORTS_TRIED = 100;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FirstStart() {
    }

    /**
     * What the first start decided.
     *
     * @param dataDirectory the per-user data folder the files went into
     * @param configFile the configuration file written
     * @param databaseFile the worklist database it names (created when Lantir opens it)
     * @param aeTitle the server's AE title
     * @param bindAddress the address the server listens on
     * @param port the port written (and, barring a race, listened on)
     * @param preferredPort the port asked for: 4242, or the one given on the command line
     */
    public record Report(Path dataDirectory, Path configFile, Path databaseFile, String aeTitle,
            String bindAddress, int port, int preferredPort) {

        /** Whether the preferred port was taken and another one chosen. */
        public boolean preferredPortTaken() {
            return port != preferredPort;
        }
    }

    /** Whether Lantir starts for the first time: no file named and none in the data folder. */
    public static boolean isFirstStart(Path namedConfigFile, Path dataDirectory) {
        return namedConfigFile == null
                && !Files.exists(dataDirectory.resolve(AppPaths.CONFIG_FILE_NAME));
    }

    /**
     * Writes the default configuration into {@code dataDirectory}. The server's AE title,
     * address and port are those given on the command line (null: the defaults, and the first
     * free port from 4242); what is written is what the following starts use.
     *
     * @throws FileAlreadyExistsException when a configuration file appeared meanwhile
     */
    public static Report create(Path dataDirectory, String aeTitle, String bindAddress,
            Integer port) throws IOException {
        String ae = aeTitle != null ? aeTitle : ConfigDefaults.AE_TITLE;
        String address = bindAddress != null ? bindAddress : ConfigDefaults.BIND_ADDRESS;
        int preferred = port != null ? port : ConfigDefaults.PORT;
        int chosen = port != null ? port : firstFreePort(address, preferred);

        Path folder = dataDirectory.toAbsolutePath().normalize();
        Path configFile = folder.resolve(AppPaths.CONFIG_FILE_NAME);
        Path database = folder.resolve(AppPaths.DATABASE_FILE_NAME);
        write(configFile, defaultConfigJson(database, ae, address, chosen));
        LOG.info("First start: wrote a default configuration to {}", configFile);
        if (chosen != preferred) {
            LOG.info("Port {} is in use by another program; Lantir takes port {} instead "
                    + "(saved in the configuration)", preferred, chosen);
        }
        return new Report(folder, configFile, database, ae, address, chosen, preferred);
    }

    /**
     * The first port from {@code from} on which {@code bindAddress} can listen now; {@code from}
     * itself when none of the next {@value #PORTS_TRIED} is free (starting the server then
     * says the port is in use). Probes with the server's own socket options.
     */
    static int firstFreePort(String bindAddress, int from) throws IOException {
        InetAddress address = InetAddress.getByName(bindAddress);
        for (int port = from; port < from + PORTS_TRIED && port <= 65_535; port++) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(address, port), 1);
                return port;
            } catch (IOException inUse) {
                LOG.debug("Port {} on {} is not free: {}", port, bindAddress,
                        inUse.getMessage());
            }
        }
        return from;
    }

    /**
     * The default configuration: every key the Python tool's users know, each with a short
     * comment before it, and an example data source under a comment key.
     */
    static String defaultConfigJson(Path database, String aeTitle, String bindAddress,
            int port) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("_comment", "Lantir's configuration, written at its first start. The Python "
                + "tool pylantir reads the same file. Keys starting with _ are comments; both "
                + "tools keep them. Edit it in Lantir's Configuration screen, or here.");
        root.put("_db_path", "The worklist database (SQLite). ~ is your home folder; a "
                + "relative path is read from this file's folder.");
        root.put("db_path", database.toString());
        root.put("_allowed_aet", "AE titles of the scanners allowed to query and report, e.g. "
                + "[\"MRI_3T\"]. Empty: any caller is answered; on a shared network, list your "
                + "scanners.");
        root.putArray("allowed_aet");
        root.put("_data_sources", "Where the worklist comes from: REDCap, Calpendo, or a folder "
                + "of CSV or DICOM worklist files. Empty: rows are typed in the Schedule "
                + "screen. _data_sources_example shows a REDCap source (its URL and token "
                + "come from REDCAP_API_URL and REDCAP_API_TOKEN). The Configuration screen's "
                + "Data sources tab adds a REDCap or Calpendo source for you; a folder source "
                + "(csv_folder, wl_folder) is written here or in its JSON tab.");
        root.putArray("data_sources");
        ObjectNode example = root.putArray("_data_sources_example").addObject();
        example.put("name", "my_study_redcap");
        example.put("type", "redcap");
        example.put("enabled", true);
        example.put("sync_interval", ConfigDefaults.SYNC_INTERVAL_SECONDS);
        ObjectNode settings = example.putObject("config");
        settings.put("site_id", "792");
        settings.putObject("protocol").put("792", "BRAIN_MRI_3T");
        settings.put("station_ae_title", "MRI_3T");

        ObjectNode lantir = root.putObject("lantir");
        lantir.put("_comment", "Lantir's own settings; pylantir reads past this section.");
        ObjectNode server = lantir.putObject("server");
        server.put("_ae_title", "The AE title scanners call this worklist server by (at most "
                + "16 characters); set the same on the scanner for Worklist and MPPS.");
        server.put("ae_title", aeTitle);
        server.put("_bind_address", "0.0.0.0 listens on every network interface; 127.0.0.1 "
                + "on this computer only; or one of this computer's addresses.");
        server.put("bind_address", bindAddress);
        server.put("_port", "The TCP port scanners connect to (the first free one from "
                + ConfigDefaults.PORT + " when this file was written).");
        server.put("port", port);
        return ConfigLoader.write(root);
    }

    /**
     * Writes through a temporary file in the same folder, readable by this user only (the file
     * may later hold a REDCap token), and never over a file that exists.
     */
    private static void write(Path file, String json) throws IOException {
        Path folder = file.getParent();
        // Owner-only when Lantir makes it: the database beside holds patients' names.
        DataFolder.create(folder);
        Path temp = OwnerOnlyTempFile.write(file, json);
        try {
            if (Files.exists(file)) {
                throw new FileAlreadyExistsException(file.toString());
            }
            Files.move(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
