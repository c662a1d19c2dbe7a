package dev.supervisedtemporal.scenarios;

import io.temporal.activity.ActivityInterface;

/** The activities of {@link PaymentWorkflow}; both are idempotent per order. */
@ActivityInterface
public interface PaymentActivities {

  /** Reserves the order's amount and returns a reservation id. */
  String reserve(int order);

  /** Charges a reservation and returns the receipt. */
  String charge(int order, String reservation);
}
