/**
 * Realistic workflows of our own (signal and query, child workflow, timer, activity retry,
 * saga) that scenarios run on every backend, and across a server kill on the persistent CLI
 * backend. They use real time only: short timers and short retry intervals, never time
 * skipping. {@link dev.supervisedtemporal.scenarios.workflows.WorkflowSet} starts them all and
 * checks their results.
 */
package dev.supervisedtemporal.scenarios.workflows;
