package org.lantir.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing. Failures are counted per username and per client address;
 * after {@value #FREE_FAILURES} failures (each within {@link #WINDOW} of the one before), the
 * next attempt on that key must wait {@link #FIRST_DELAY}, doubling with every further failure
 * up to {@link #MAX_DELAY}. A throttled attempt is not checked and not counted, so hammering
 * does not lengthen the wait. A success clears both keys.
 *
 * <p>An attempt is counted as a failure when its check begins ({@link #begin}), not when it
 * ends: bcrypt takes a good fraction of a second, and attempts sent in parallel would
 * otherwise all pass the limit before the first of them failed.
 *
 * <p>An attacker guessing at the admin's password from elsewhere must not lock the admin
 * out: the wait is capped, and the username's count does not apply from an address where
 * that username logged in successfully before (recently, as far as this process remembers);
 * that address's own count still does.
 *
 * <p>Kept in memory: a restart forgets the counts, as it would forget a lockout. Memory is
 * bounded ({@link #MAX_ENTRIES} keys each), so a flood of made-up usernames cannot exhaust it.
 */
final class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_DELAY = Duration.ofSeconds(5);
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    static final Duration TRUSTED_FOR = Duration.ofDays(30);
    static final int MAX_ENTRIES = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new HashMap<>();
    /** Username + address pairs with a successful login, and when it was. */
    private final Map<String, Instant> trusted = new HashMap<>();

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must still wait before trying this username from this address. */
    synchronized Optional<Duration> waitBefore(String username, String address) {
        Instant now = clock.instant();
        Duration wait = remaining(addressKey(address), now);
        if (!isTrusted(username, address, now)) {
            Duration forUser = remaining(userKey(username), now);
            wait = forUser.compareTo(wait) > 0 ? forUser : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /**
     * Before a password check: the wait when this username or address is throttled (nothing
     * is counted then), else empty, the attempt counted as a failure in advance. The caller
     * then checks the password and reports {@link #failed} or {@link #succeeded}.
     */
    synchronized Optional<Duration> begin(String username, String address) {
        Optional<Duration> wait = waitBefore(username, address);
        if (wait.isEmpty()) {
            Instant now = clock.instant();
            count(userKey(username), now);
            count(addressKey(address), now);
        }
        return wait;
    }

    /** The check {@link #begin} let through failed: the wait runs from now. */
    synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        endOfFailure(userKey(username), now);
        endOfFailure(addressKey(address), now);
    }

    synchronized void succeeded(String username, String address) {
        failures.remove(userKey(username));
        failures.remove(addressKey(address));
        if (trusted.size() >= MAX_ENTRIES) {
            evictOldest(trusted, Map.Entry.comparingByValue());
        }
        trusted.put(pairKey(username, address), clock.instant());
    }

    /** How many failure counts are kept (for tests of the memory bound). */
    synchronized int trackedKeys() {
        return failures.size();
    }

    private Duration remaining(String key, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null || entry.count < FREE_FAILURES || expired(entry, now)) {
            return Duration.ZERO;
        }
        Instant until = entry.last.plus(delay(entry.count));
        return now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
    }

    /** The wait after {@code count} failures ({@code count >= FREE_FAILURES}). */
    static Duration delay(int count) {
        int doublings = Math.min(count - FREE_FAILURES, 30);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private void count(String key, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null || expired(entry, now)) {
            if (entry == null && failures.size() >= MAX_ENTRIES) {
                makeRoom(now);
            }
            entry = new Failures();
            failures.put(key, entry);
        }
        entry.count++;
        entry.last = now;
    }

    /** Moves a counted failure's time to its end; counts it again if it was forgotten. */
    private void endOfFailure(String key, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null || expired(entry, now)) {
            count(key, now);
        } else {
            entry.last = now;
        }
    }

    private boolean isTrusted(String username, String address, Instant now) {
        Instant since = trusted.get(pairKey(username, address));
        return since != null && now.isBefore(since.plus(TRUSTED_FOR));
    }

    private static boolean expired(Failures entry, Instant now) {
        return !now.isBefore(entry.last.plus(WINDOW));
    }

    private void makeRoom(Instant now) {
        failures.values().removeIf(entry -> expired(entry, now));
        if (failures.size() >= MAX_ENTRIES) {
            evictOldest(failures, Comparator.comparing(e -> e.getValue().last));
        }
    }

    private static <V> void evictOldest(Map<String, V> map,
            Comparator<Map.Entry<String, V>> age) {
        Iterator<Map.Entry<String, V>> oldest = map.entrySet().stream().sorted(age)
                .limit(Math.max(1, map.size() / 10)).toList().iterator();
        while (oldest.hasNext()) {
            map.remove(oldest.next().getKey());
        }
    }

    private static String userKey(String username) {
        return "user:" + normalised(username);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }

    private static String pairKey(String username, String address) {
        return normalised(username) + "\n" + (address == null ? "" : address);
    }

    private static String normalised(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static final class Failures {
        int count;
        Instant last;
    }
}
