package org.lantir.cli;

/** The exit codes of {@code lantir}, for scripts; the README lists them. */
public final class ExitCodes {

    /** The command did what it was asked. */
    public static final int OK = 0;
    /** It ran but the peer or the operation said no (a DICOM failure status, a rejection). */
    public static final int FAILED = 1;
    /** The command line was wrong (picocli's own code for usage errors). */
    public static final int USAGE = 2;
    /** The configuration file is missing or invalid. */
    public static final int CONFIG = 3;
    /** Something Lantir needs is unavailable: the port is taken, the database cannot open,
     *  the peer cannot be reached. */
    public static final int UNAVAILABLE = 4;

    private ExitCodes() {
    }
}
