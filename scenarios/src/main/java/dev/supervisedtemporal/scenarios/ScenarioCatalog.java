package dev.supervisedtemporal.scenarios;

import java.util.List;

/** Every scenario class, in the order the suite runs them: the six core cases first. */
final class ScenarioCatalog {

  /** The scenario classes. */
  public static final List<Class<?>> SCENARIOS = List.of(
      NormalStartupScenario.class,
      CrashRecoveryScenario.class,
      StandbyRecoveryScenario.class,
      GracefulShutdownScenario.class,
      MultipleRestartsScenario.class,
      NoRestartDuringShutdownScenario.class,
      HealthCheckFrequencyScenario.class,
      HangScenario.class,
      PortThiefScenario.class,
      PidReuseScenario.class,
      StaleStateScenario.class,
      RestartStormScenario.class,
      SeededChaosScenario.class,
      WorkloadChaosScenario.class);

  private ScenarioCatalog() {}
}
