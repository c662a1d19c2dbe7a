package com.example.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supervisedtemporal.extension.SupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Backend;
import dev.supervisedtemporal.extension.WithSupervisedTemporal.Standby;
import dev.supervisedtemporal.lifecycle.Await;
import dev.supervisedtemporal.lifecycle.StandbyStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A user's class with a warm standby: the killed server is replaced by promoting the standby
 * (its pid becomes the server's), and the client and worker created before the kill go on.
 */
@WithSupervisedTemporal(backend = Backend.EMBEDDED, standby = Standby.ON, checkInterval = "250ms")
class PaymentsOnAWarmStandbyTest {

  private static final String QUEUE = "payments-standby";

  @Test
  void theWarmStandbyServesAfterTheServerIsKilled(SupervisedTemporal temporal,
      WorkflowClient client) throws Exception {
    WorkerFactory factory = Orders.startWorker(client, QUEUE);
    try {
      assertEquals("receipt for order-s1", Orders.pay(client, QUEUE, "order-s1"));

      Await.until("a warm standby beside the server").atMost(Duration.ofSeconds(60))
          .until(() -> temporal.manager().standby(), StandbyStatus::warm);
      long standby = temporal.manager().standby().pid();
      System.out.println("[consumer] warm standby pid " + standby + " beside server pid "
          + temporal.pid());

      temporal.chaos().kill();
      temporal.awaitHealthy(Duration.ofSeconds(60));
      assertEquals(standby, temporal.pid(), "the promoted standby serves");
      assertEquals(1, temporal.manager().standby().promotions());

      // The same client and worker, created before the kill, work against the promoted standby.
      assertEquals("receipt for order-s2", Orders.pay(client, QUEUE, "order-s2"));
    } finally {
      factory.shutdownNow();
      factory.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}
