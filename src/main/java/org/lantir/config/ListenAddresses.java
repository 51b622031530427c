package org.lantir.config;

import java.util.regex.Pattern;

/**
 * Whether a text can be an address to listen on: a literal IPv4 or IPv6 address, or a host
 * name as RFC 1123 spells one (labels of letters, digits and hyphens). Checked when the
 * configuration or a flag is read, without asking DNS: "not a host!" is refused at once, a
 * well-formed name that does not resolve is found out when the server listens.
 */
public final class ListenAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}"
            + "[A-Za-z0-9])?");
    private static final int MAX_NAME_LENGTH = 253;

    private ListenAddresses() {
    }

    /** What a refusal says the value should be. */
    public static final String EXPECTED =
            "an IP address (such as 0.0.0.0, 127.0.0.1 or ::1) or a host name";

    public static boolean isPlausible(String host) {
        if (host == null || host.isEmpty() || host.length() > MAX_NAME_LENGTH) {
            return false;
        }
        String h = host.startsWith("[") && host.endsWith("]")
                ? host.substring(1, host.length() - 1) : host;
        if (h.indexOf(':') >= 0) {
            return IPV6.matcher(h).matches() && h.chars().filter(c -> c == ':').count() >= 2;
        }
        if (h.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return isIpv4(h);
        }
        if (!h.equals(host)) {
            return false;
        }
        String name = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        for (String label : name.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv4(String h) {
        if (!IPV4.matcher(h).matches()) {
            return false;
        }
        for (String part : h.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
