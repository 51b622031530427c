/**
 * Builds one running Lantir from a configuration and owns its lifecycle: the database, the
 * worklist service, the DICOM server with its services, the data-source schedules and the
 * event feed. The command line drives it; later the desktop window and the REST API will too.
 *
 * <p>Around it: the per-user data folder ({@link AppPaths}), the first start's default
 * configuration ({@link FirstStart}), a pylantir file copied in ({@link ConfigImport}), the
 * desktop's log file ({@link LogFile}), and this build's version, date and license notices
 * ({@link BuildInfo}).
 */
package org.lantir.app;
