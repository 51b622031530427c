/**
 * Builds one running Lantir from a configuration and owns its lifecycle: the database, the
 * worklist service, the DICOM server with its services, the data-source schedules and the
 * event feed. The command line drives it; later the desktop window and the REST API will too.
 */
package org.lantir.app;
