/**
 * Hooks for test-suite runners built on the extension (the project's chaos suite); not for use
 * in tests.
 */
package dev.supervisedtemporal.extension.spi;
