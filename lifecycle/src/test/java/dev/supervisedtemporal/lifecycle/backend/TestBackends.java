package dev.supervisedtemporal.lifecycle.backend;

import java.nio.file.Path;
import java.util.function.IntSupplier;

/** Backends with test hooks that the public API does not offer. */
public final class TestBackends {

  private TestBackends() {}

  /** A CLI backend whose HTTP and metrics ports come from {@code auxiliaryPorts}. */
  public static CliBackend cliWithAuxiliaryPorts(Path binary, IntSupplier auxiliaryPorts) {
    return new CliBackend(binary, auxiliaryPorts);
  }
}
