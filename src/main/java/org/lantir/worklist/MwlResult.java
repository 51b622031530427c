package org.lantir.worklist;

/**
 * What a worklist query did.
 *
 * @param matches rows handed to the caller
 * @param hiddenIncomplete rows that would have matched but lack a Type 1 return key
 *        (PS3.4 Table K.6-1), so they are not published (C09)
 * @param stopped whether the caller stopped the query before its end (C-CANCEL, a limit)
 */
public record MwlResult(int matches, int hiddenIncomplete, boolean stopped) {
}
