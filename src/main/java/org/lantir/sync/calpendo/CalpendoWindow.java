package org.lantir.sync.calpendo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The bookings one run reads: those that start in {@code [from, to)} on the site's clock.
 * Calpendo cannot be asked which bookings changed (pylantir's notes: {@code modified} is not
 * queryable), so every run reads its whole window, and the rows it yields are the source's
 * whole current set: a SCHEDULED row whose booking is no longer among them (cancelled,
 * denied, deleted, moved out of the window or of the listed resources, or simply past)
 * leaves the worklist.
 *
 * <ul>
 * <li>{@code today} ({@code window_mode: "today"} or {@code daily_window: true}): from local
 * midnight to the next local midnight (23 or 25 hours on the days the clocks change).
 * <li>{@code rolling} (the default): from the earlier of today's local midnight and
 * {@code lookback} ago (the Python tool's {@code lookback_multiplier} sync intervals), to the
 * local midnight after {@code lookahead_days} more days. A booking of today stays on the
 * worklist all day, however late the patient comes.
 * </ul>
 *
 * <p>Query values are local wall-clock times of the site (the query language has no offset,
 * reference notes §3); midnight is taken as the start of the local day, which exists even on
 * days whose clocks change at midnight.
 */
record CalpendoWindow(ZonedDateTime from, ZonedDateTime to) {

    /** The query API's date-time value, as pylantir sends it to a live server. */
    static final DateTimeFormatter QUERY_VALUE = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    static CalpendoWindow of(CalpendoSettings settings, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, settings.zone());
        ZonedDateTime midnight = today.atStartOfDay(settings.zone());
        if (settings.windowMode() == CalpendoSettings.WindowMode.TODAY) {
            return new CalpendoWindow(midnight, today.plusDays(1).atStartOfDay(settings.zone()));
        }
        ZonedDateTime lookback = now.minus(settings.lookback()).atZone(settings.zone());
        ZonedDateTime from = lookback.isBefore(midnight) ? lookback : midnight;
        return new CalpendoWindow(from,
                today.plusDays(1L + settings.lookaheadDays()).atStartOfDay(settings.zone()));
    }

    /** {@code from} as a query value. */
    String fromValue() {
        return from.toLocalDateTime().format(QUERY_VALUE);
    }

    /** {@code to} as a query value. */
    String toValue() {
        return to.toLocalDateTime().format(QUERY_VALUE);
    }

    @Override
    public String toString() {
        return "bookings starting " + from.toLocalDateTime() + " .. " + to.toLocalDateTime()
                + " " + from.getZone();
    }
}
