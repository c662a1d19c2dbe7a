package dev.supervisedtemporal.lifecycle;

/**
 * What a manager's standby is doing, for tests, leak checks and reports.
 *
 * @param mode the configured mode
 * @param pid the pid of the standby waiting to be promoted, or -1 when there is none
 * @param warm whether that standby has finished warming up (it announces it in the server log)
 * @param promotions how many replacements were served by a promoted standby
 * @param failedPromotions how many promotions failed and fell back to a cold start
 */
public record StandbyStatus(StandbyMode mode, long pid, boolean warm, int promotions,
    int failedPromotions) {}
