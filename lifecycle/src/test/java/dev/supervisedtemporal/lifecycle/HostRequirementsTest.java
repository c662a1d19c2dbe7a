package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class HostRequirementsTest {

  @Test
  void thisLinuxHostHasEverything() {
    assertThat(HostRequirements.missingPlatform(System.getProperty("os.name"), Files::isReadable,
        true, true)).isEmpty();
    assertThat(HostRequirements.missingClasses(getClass().getClassLoader())).isEmpty();
  }

  @Test
  void anotherSystemIsToldEverythingItLacks() {
    assertThat(HostRequirements.missingPlatform("Mac OS X", path -> false, false, false))
        .containsExactly("Linux (the library is Linux-only)",
            "/proc (process identity and port ownership)",
            "setsid (util-linux, in /usr/bin or /bin: each server in its own process group)",
            "setpriv (util-linux, in /usr/bin or /bin: servers die with this JVM)");
  }

  @Test
  void aClassPathWithoutTheTemporalApiIsNamed() throws Exception {
    try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
      assertThat(HostRequirements.missingClasses(bare)).singleElement().asString()
          .contains("io.grpc").contains("add io.temporal:temporal-sdk");
    }
  }
}
