package org.lantir.app;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a scanner's operator types to reach this computer: its host name and its network
 * addresses other than loopback. Read from the system only, without asking a name server:
 * a reverse lookup could hang where the network has none, and is no part of the answer.
 *
 * @param hostName the computer's name, or empty when the system does not say
 * @param addresses IPv4 addresses first, then global IPv6 ones; link-local and loopback
 *        addresses are left out
 */
public record ThisComputer(String hostName, List<String> addresses) {

    public ThisComputer {
        addresses = List.copyOf(addresses);
    }

    /** Reads this computer's name and addresses; may take a moment (call off the FX thread). */
    public static ThisComputer inspect() {
        return new ThisComputer(hostName(System.getenv()), networkAddresses());
    }

    static String hostName(Map<String, String> env) {
        for (String variable : List.of("COMPUTERNAME", "HOSTNAME")) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        for (String file : List.of("/proc/sys/kernel/hostname", "/etc/hostname")) {
            try {
                String value = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
                if (!value.isEmpty()) {
                    return value;
                }
            } catch (IOException | RuntimeException notThere) {
                // Not Linux, or not readable: try the next way.
            }
        }
        return hostnameCommand();
    }

    /** macOS and others: the {@code hostname} program, a local call. */
    private static String hostnameCommand() {
        try {
            Process process = new ProcessBuilder("hostname").redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return "";
            }
            String name = new String(process.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 && !name.contains("\n") ? name : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static List<String> networkAddresses() {
        List<InetAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
                if (nic.isUp() && !nic.isLoopback()) {
                    nic.inetAddresses().filter(ThisComputer::reachableFromOthers)
                            .forEach(found::add);
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        return found.stream()
                .sorted(Comparator.comparing((InetAddress a) -> !(a instanceof Inet4Address)))
                .map(ThisComputer::text).distinct().toList();
    }

    /** Whether a bind address lets only this computer connect (127.x, ::1, localhost). */
    public static boolean isLoopback(String bindAddress) {
        return bindAddress.startsWith("127.") || "::1".equals(bindAddress)
                || "localhost".equalsIgnoreCase(bindAddress);
    }

    private static boolean reachableFromOthers(InetAddress address) {
        return !address.isLoopbackAddress() && !address.isLinkLocalAddress()
                && !address.isAnyLocalAddress();
    }

    /** The literal address, without an IPv6 scope suffix, IPv6 in its short form. */
    private static String text(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        text = scope < 0 ? text : text.substring(0, scope);
        return address instanceof Inet4Address ? text : shortIpv6(text);
    }

    /**
     * RFC 5952 section 4: leading zeros dropped, the longest run of two or more zero groups
     * (the first of equal runs) written {@code ::}, e.g. {@code fd00:0:0:0:0:0:0:2} ->
     * {@code fd00::2}.
     */
    static String shortIpv6(String full) {
        String[] groups = full.split(":");
        if (groups.length != 8) {
            return full;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            groups[i] = groups[i].replaceFirst("^0+(?=.)", "");
            int length = 0;
            while (i + length < 8 && groups[i + length].replaceFirst("^0+(?=.)", "")
                    .equals("0")) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups,
                bestStart + bestLength, 8));
        return head + "::" + tail;
    }
}
