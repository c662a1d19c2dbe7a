package com.example.payments;

/** A card processor that always accepts. */
public class PaymentActivitiesImpl implements PaymentActivities {

  @Override
  public String charge(String order) {
    return "receipt for " + order;
  }
}
