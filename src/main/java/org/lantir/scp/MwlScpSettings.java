package org.lantir.scp;

import java.util.Set;

/**
 * The site's choices for the Modality Worklist SCP.
 *
 * @param maxAnswers most matches one C-FIND may return; past it the SCP stops and answers
 *        A700H with an Error Comment, never a cut list ending in success (C22). 0: no limit.
 * @param callingAeAsStation calling AE titles whose queries match only the worklist of the
 *        station with that AE title when they give no Scheduled Station AE Title key of their
 *        own (the documented coercion of C14); under the default policy for rows without
 *        a station ({@code UnassignedStation.ANY}) those rows count as that station's too.
 *        Empty by default: standard behaviour.
 */
public record MwlScpSettings(int maxAnswers, Set<String> callingAeAsStation) {

    public MwlScpSettings {
        if (maxAnswers < 0) {
            throw new IllegalArgumentException("max_answers must be 0 (no limit) or more");
        }
        callingAeAsStation = Set.copyOf(callingAeAsStation);
    }

    public static MwlScpSettings defaults() {
        return new MwlScpSettings(0, Set.of());
    }
}
