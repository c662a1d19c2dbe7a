package dev.supervisedtemporal.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.TemporalManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One real embedded server per test class, supervised before every test, with a fresh
 * {@link Chaos} whose faults are all healed after it.
 */
abstract class SupervisedServerTest {

  static TemporalManager manager;
  Chaos chaos;

  @BeforeAll
  static void startServer() {
    manager = Servers.embedded();
    manager.start();
  }

  @AfterAll
  static void stopServer() {
    if (manager != null) {
      manager.close();
    }
  }

  @BeforeEach
  void supervise() throws InterruptedException {
    Servers.ensureSupervised(manager);
    chaos = Chaos.on(manager);
  }

  @AfterEach
  void heal() {
    chaos.close();
    assertThat(chaos.openFaults()).isEmpty();
  }
}
