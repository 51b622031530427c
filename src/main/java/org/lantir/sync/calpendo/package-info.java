/**
 * Calpendo as a data source: {@link org.lantir.sync.calpendo.CalpendoClient} speaks Calpendo's
 * read-only query and REST APIs (GETs over HTTPS with Basic authentication, JSON answers),
 * {@link org.lantir.sync.calpendo.CalpendoQuery} writes the query language's prefix
 * expressions, {@link org.lantir.sync.calpendo.CalpendoSource} turns the bookings of a window
 * ({@link org.lantir.sync.calpendo.CalpendoWindow}) into worklist rows by the Python tool's
 * configuration. API behaviour follows {@code shared/reference/calpendo-api.md}; where that
 * is a guess about a real server (the JSON layouts, the status spelling, the date formats of
 * query values) the code reads every variant the notes list.
 */
package org.lantir.sync.calpendo;
