package dev.supervisedtemporal.reports;

/**
 * Signals a command-line mistake (unknown option, missing or bad value); the CLI prints the
 * message and exits with status 2.
 */
final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
