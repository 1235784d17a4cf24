package org.learningloop.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserTest {

  @TempDir Path dir;

  @Test
  void aMissingChromiumOrDriverIsNamedWithTheInstallCommand() throws IOException {
    Path chromium = executable("chromium");
    Path driver = dir.resolve("chromedriver");

    assertThatThrownBy(() -> Browser.requireInstalled(chromium, driver))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(driver + " is missing")
        .hasMessageNotContaining(chromium.toString())
        .hasMessageContaining("apt-get install chromium chromium-driver");
    assertThatThrownBy(() -> Browser.requireInstalled(dir.resolve("none"), driver))
        .hasMessageContaining(dir.resolve("none") + " and " + driver + " are missing");
  }

  @Test
  void installedBinariesPass() throws IOException {
    Path chromium = executable("chromium");
    Path driver = executable("chromedriver");

    assertThatCode(() -> Browser.requireInstalled(chromium, driver)).doesNotThrowAnyException();
  }

  private Path executable(String name) throws IOException {
    return Files.createFile(
        dir.resolve(name),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }
}
