package org.lantir.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Open folder" knows beforehand whether Linux has something to open a folder with. */
class FolderOpenerTest {

    @TempDir
    Path dir;

    @Test
    void linuxWithoutXdgOpenSaysSo() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));

        assertThat(FolderOpener.whyNot("Linux", bin.toString())).contains("xdg-open");
        assertThat(FolderOpener.whyNot("Linux", null)).contains("no file manager");
    }

    @Test
    void linuxWithXdgOpenOnThePathCanOpenAFolder() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path opener = Files.writeString(bin.resolve("xdg-open"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(opener, PosixFilePermissions.fromString("rwx------"));

        assertThat(FolderOpener.whyNot("Linux", "/nonexistent:" + bin)).isNull();
        assertThat(FolderOpener.whyNot("Windows 11", "")).isNull();
    }
}
