/**
 * The {@code lantir} command line (picocli). Commands and flags are the Python tool's
 * (pylantir), so that its users' scripts keep working; each command is a thin layer over
 * {@link org.lantir.app.Lantir} or the DICOM client.
 */
package org.lantir.cli;
