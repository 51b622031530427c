package org.lantir.ui.config;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks the form makes beyond the file parser's, so that a person learns of a bad value
 * while typing: each returns the problem in words, or null when the text is fine.
 */
final class FormChecks {

    static final int MIN_PORT = 1;
    static final int MAX_PORT = 65_535;
    static final int MAX_SYNC_INTERVAL = 86_400;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})"
            + "\\.(\\d{1,3})");
    private static final Pattern HOST_LABEL =
            Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern URL = Pattern.compile("(?i)https?://\\S+");

    private FormChecks() {
    }

    /**
     * An AE title: 1 to 16 characters of the default character repertoire (ISO-IR 6, printable
     * ASCII) without the backslash and not only spaces (PS3.5 Table 6.2-1, AE).
     */
    static String aeTitle(String text) {
        String title = text.strip();
        boolean repertoire = title.chars().allMatch(c -> c >= 0x20 && c <= 0x7E && c != '\\');
        if (title.isEmpty() || title.length() > 16 || !repertoire) {
            return "expected an AE title of 1 to 16 characters: letters, digits, spaces and "
                    + "ASCII punctuation except \\" + found(text);
        }
        return null;
    }

    static String port(String text) {
        return wholeNumber(text, MIN_PORT, MAX_PORT, "");
    }

    static String syncInterval(String text) {
        return wholeNumber(text, 1, MAX_SYNC_INTERVAL, " of seconds");
    }

    private static String wholeNumber(String text, int min, int max, String unit) {
        String digits = text.strip();
        boolean ok = digits.matches("\\d{1,9}") && Integer.parseInt(digits) >= min
                && Integer.parseInt(digits) <= max;
        return ok ? null : "expected a whole number" + unit + " from " + min + " to " + max
                + found(text);
    }

    /**
     * The address to listen on: an IPv4 address (0.0.0.0 is every interface), an IPv6
     * address or a host name. Only the syntax is checked: nothing is looked up.
     */
    static String bindAddress(String text) {
        String address = text.strip();
        if (isIpv4(address) || isIpv6(address) || isHostName(address)) {
            return null;
        }
        return "expected an IPv4 address such as 127.0.0.1 (0.0.0.0 listens on every "
                + "interface), an IPv6 address such as ::1, or a host name" + found(text);
    }

    /** {@code HH:MM}, as the operation window's ends are shown. */
    static String time(String text) {
        return parseTime(text) == null ? "expected a time as HH:MM, e.g. 06:00" + found(text)
                : null;
    }

    static LocalTime parseTime(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        return hour <= 23 && minute <= 59 ? LocalTime.of(hour, minute) : null;
    }

    /** An empty URL is fine (the environment may give it); else http:// or https://. */
    static String url(String text) {
        String url = text.strip();
        return url.isEmpty() || URL.matcher(url).matches() ? null
                : "expected an http:// or https:// URL";
    }

    /** An empty zone is fine (the source's default applies); else a zone id. */
    static String zone(String text) {
        String zone = text.strip();
        if (zone.isEmpty()) {
            return null;
        }
        try {
            ZoneId.of(zone);
            return null;
        } catch (DateTimeException e) {
            return "expected a time zone such as America/Edmonton or Europe/Berlin"
                    + found(text);
        }
    }

    static boolean isIpv4(String text) {
        Matcher m = IPV4.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** RFC 4291 §2.2 text forms: eight groups, one "::", an IPv4 tail, a zone after "%". */
    static boolean isIpv6(String text) {
        String address = text;
        int zone = address.indexOf('%');
        if (zone >= 0) {
            if (zone == address.length() - 1) {
                return false;
            }
            address = address.substring(0, zone);
        }
        int gap = address.indexOf("::");
        if (!address.contains(":") || gap != address.lastIndexOf("::")) {
            return false;
        }
        String[] halves = gap < 0 ? new String[] {address}
                : new String[] {address.substring(0, gap), address.substring(gap + 2)};
        int groups = 0;
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = h == halves.length - 1 && i == parts.length - 1;
                if (last && parts[i].contains(".")) {
                    if (!isIpv4(parts[i])) {
                        return false;
                    }
                    groups += 2;
                } else if (parts[i].matches("[0-9A-Fa-f]{1,4}")) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return gap < 0 ? groups == 8 : groups <= 7;
    }

    /** RFC 1123 host names; an all-digit last label would be a mistyped IPv4 address. */
    static boolean isHostName(String text) {
        if (text.isEmpty() || text.length() > 253) {
            return false;
        }
        String[] labels = text.split("\\.", -1);
        for (String label : labels) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].matches("\\d+");
    }

    /** The typed text in a message, when short enough to help. */
    static String found(String text) {
        String shown = text.strip();
        return shown.isEmpty() || shown.length() > 40 ? "" : ", found \"" + shown + "\"";
    }
}
