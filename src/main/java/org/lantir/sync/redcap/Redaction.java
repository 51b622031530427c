package org.lantir.sync.redcap;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Makes server text and exception messages fit for a failure reason: markup stripped, short,
 * and with the token removed should a server ever echo it.
 */
final class Redaction {

    private static final int MAX_LENGTH = 160;
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Redaction() {
    }

    static String clean(String text, String token) {
        if (text == null) {
            return "";
        }
        String plain = SPACE.matcher(TAGS.matcher(text).replaceAll(" ")).replaceAll(" ").trim();
        plain = withoutToken(plain, token);
        return plain.length() <= MAX_LENGTH ? plain : plain.substring(0, MAX_LENGTH) + "…";
    }

    static String withoutToken(String text, String token) {
        if (token == null || token.isEmpty()) {
            return text;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String needle = token.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at;
        while ((at = lower.indexOf(needle, from)) >= 0) {
            out.append(text, from, at).append("[token]");
            from = at + needle.length();
        }
        return out.append(text.substring(from)).toString();
    }
}
