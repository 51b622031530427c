/**
 * The SQLite store: the only SQL in Lantir.
 *
 * <p>{@link org.lantir.store.Database} opens the file (WAL mode, one writer, pooled readers),
 * runs the schema migrations and imports a worklist written by the Python tool; the
 * {@code Sqlite*} classes implement the repositories of {@code org.lantir.worklist} and the
 * sync state store of {@code org.lantir.sync} on top of it. Imported rows keep the
 * identifiers the tool had; those it never had (SPS ID, Requested Procedure ID) are minted by
 * {@code WorklistService.backfillMissingIds()}, not here. Their source key is the tool's row
 * id marked as imported ({@code pylantir:<id>}, see {@code ImportedRows}; schema version 2
 * marks the rows of earlier imports), and which sync adopts them is decided in
 * {@code org.lantir.worklist}: the store only runs that decision in its transaction
 * ({@link org.lantir.store.SqliteWorklistRepository#inTransaction}).
 *
 * <p>Values are stored as text that sorts like the real value: dates {@code YYYY-MM-DD},
 * times {@code HH:MM:SS[.ffffff]}, instants ISO-8601 UTC with a fixed fraction, decimals as
 * plain decimal strings (see {@code SqlValues}). The three LT comments (schema version 3) are
 * stored as given; a CHECK keeps each to the 10240 characters of PS3.5 Table 6.2-1.
 */
package org.lantir.store;
