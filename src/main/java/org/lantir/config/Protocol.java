package org.lantir.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Python tool's {@code protocol} setting: either one protocol name for every site, or a
 * map from site ID to protocol name (e.g. {@code {"792": "BRAIN_MRI_3T"}}). Exactly one of
 * {@code name} and {@code bySite} is set; {@link #NONE} has neither.
 */
public record Protocol(String name, Map<String, String> bySite) {

    public static final Protocol NONE = new Protocol(null, Map.of());

    public Protocol {
        bySite = bySite == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(bySite));
    }

    public static Protocol named(String name) {
        return new Protocol(name, Map.of());
    }

    public static Protocol perSite(Map<String, String> bySite) {
        return new Protocol(null, bySite);
    }

    public boolean isSet() {
        return name != null || !bySite.isEmpty();
    }

    /** The protocol name for a site, or null when none is configured for it. */
    public String forSite(String siteId) {
        if (name != null) {
            return name;
        }
        return siteId == null ? null : bySite.get(siteId);
    }
}
