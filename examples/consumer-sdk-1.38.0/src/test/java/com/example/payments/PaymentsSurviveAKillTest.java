package com.example.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a user writes: a worker and a workflow on a supervised embedded server, a kill, and the
 * same client and worker working again. It also checks what this project must guarantee: the
 * user's own SDK and JUnit are the ones running, and the server's child JVM runs one jar of its
 * own with nothing of this project's class path.
 */
@WithSupervisedTemporal(backend = Backend.EMBEDDED, checkInterval = "250ms")
class PaymentsSurviveAKillTest {

  private static final String QUEUE = "payments";

  @Test
  void aWorkflowRunsAgainAfterTheServerIsKilled(SupervisedTemporal temporal, WorkflowClient client)
      throws Exception {
    assertEquals(System.getProperty("expected.temporal-sdk.version"),
        versionOfJar(WorkflowClient.class, "temporal-sdk-"), "the SDK this project pins runs");
    assertEquals(System.getProperty("expected.junit.version"),
        Test.class.getPackage().getImplementationVersion(), "the JUnit this project pins runs");

    List<String> cmdline = cmdline(temporal.pid());
    System.out.println("[consumer] temporal-sdk " + versionOfJar(WorkflowClient.class,
        "temporal-sdk-") + ", junit " + Test.class.getPackage().getImplementationVersion());
    System.out.println("[consumer] server child pid " + temporal.pid() + " cmdline: "
        + String.join(" ", cmdline));
    assertChildRunsItsOwnJarOnly(cmdline);

    WorkerFactory factory = Orders.startWorker(client, QUEUE);
    try {
      assertEquals("receipt for order-1", Orders.pay(client, QUEUE, "order-1"));

      long before = temporal.pid();
      temporal.chaos().kill();
      temporal.awaitHealthy(Duration.ofSeconds(60));
      assertNotEquals(before, temporal.pid(), "a new server replaced the killed one");

      // The same client and worker, created before the kill, work against the new server.
      assertEquals("receipt for order-2", Orders.pay(client, QUEUE, "order-2"));

      List<String> after = cmdline(temporal.pid());
      System.out.println("[consumer] restarted server child pid " + temporal.pid()
          + " cmdline: " + String.join(" ", after));
      assertChildRunsItsOwnJarOnly(after);
    } finally {
      factory.shutdownNow();
      factory.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /** The child's class path is exactly one jar, and none of this JVM's class path is in it. */
  private static void assertChildRunsItsOwnJarOnly(List<String> cmdline) {
    int cp = cmdline.indexOf("-cp");
    assertTrue(cp >= 0 && cp + 1 < cmdline.size(), "no -cp in " + cmdline);
    String classPath = cmdline.get(cp + 1);
    assertFalse(classPath.contains(File.pathSeparator), "one jar only: " + classPath);
    assertTrue(Path.of(classPath).getFileName().toString().startsWith("embedded-server-")
        && classPath.endsWith(".jar"), "the embedded server's own jar: " + classPath);
    String joined = String.join(" ", cmdline);
    List<String> ours = new ArrayList<>();
    for (String property : List.of("java.class.path", "surefire.test.class.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isBlank()) {
        ours.addAll(Arrays.asList(value.split(File.pathSeparator)));
      }
    }
    assertFalse(ours.isEmpty(), "this JVM's class path is known");
    for (String entry : ours) {
      assertFalse(!entry.isBlank() && joined.contains(entry),
          "the server's command line holds this project's class path entry " + entry);
    }
    assertFalse(joined.contains(".m2"), "no jar from a Maven repository: " + joined);
  }

  private static List<String> cmdline(long pid) throws Exception {
    String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"),
        StandardCharsets.UTF_8);
    return Arrays.asList(raw.split("\0"));
  }

  private static String versionOfJar(Class<?> type, String prefix) throws Exception {
    String jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getFileName().toString();
    return jar.startsWith(prefix) && jar.endsWith(".jar")
        ? jar.substring(prefix.length(), jar.length() - ".jar".length()) : jar;
  }
}
