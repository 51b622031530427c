package org.lantir.sync.calpendo;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes exception and server text fit for a failure reason or a log line: markup and runs of
 * white space collapsed, short, and without the account's username or password should
 * anything ever echo them.
 */
final class Scrub {

    private static final int MAX_LENGTH = 160;
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Scrub() {
    }

    static String text(String text, CalpendoEndpoint endpoint) {
        if (text == null) {
            return "";
        }
        String plain = SPACE.matcher(TAGS.matcher(text).replaceAll(" ")).replaceAll(" ").trim();
        plain = without(plain, endpoint.password(), "[password]");
        plain = without(plain, endpoint.username(), "[username]");
        return plain.length() <= MAX_LENGTH ? plain : plain.substring(0, MAX_LENGTH) + "…";
    }

    private static String without(String text, String secret, String placeholder) {
        if (secret == null || secret.isEmpty()) {
            return text;
        }
        return Pattern.compile(Pattern.quote(secret), Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE).matcher(text).replaceAll(
                        Matcher.quoteReplacement(placeholder));
    }
}
