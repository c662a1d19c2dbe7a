package com.example.payments;

import io.temporal.activity.ActivityInterface;

/** The side effects of a payment. */
@ActivityInterface
public interface PaymentActivities {

  /** Charges the card for the order and returns a receipt. */
  String charge(String order);
}
