package dev.supervisedtemporal.extension;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervisedtemporal.lifecycle.backend.BackendDiscovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module README matches the code: every configuration key the extension reads is documented,
 * every key the README documents is read, and every injectable parameter type is listed.
 */
class ReadmeTest {

  private static final Path README = Path.of("README.md");
  private static final Path SOURCES = Path.of("src/main/java");
  /** A key written out in a source file, or built from the prefix constant. */
  private static final Pattern KEY_IN_SOURCE = Pattern.compile(
      "\"(supervised\\.temporal\\.[a-z0-9.-]+)\"|PREFIX \\+ \"([a-z0-9.-]+)\"");
  private static final Pattern KEY_IN_README = Pattern.compile(
      "supervised\\.temporal\\.[a-z0-9-]+(\\.[a-z0-9-]+)*");

  /** The keys the extension reads: its settings, the events dir, and any other key in the code. */
  static Set<String> keysInCode() throws IOException {
    Set<String> keys = new TreeSet<>();
    Arrays.stream(Setting.values()).map(Setting::key).forEach(keys::add);
    keys.add(RunContext.EVENTS_DIR);
    keys.add(TimingEventWriter.BUILD_DIR_PROPERTY);
    keys.add(BackendDiscovery.CLI_PROPERTY);
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = KEY_IN_SOURCE.matcher(Files.readString(f));
        while (m.find()) {
          keys.add(m.group(1) != null ? m.group(1) : Setting.PREFIX + m.group(2));
        }
      }
    }
    return keys;
  }

  @Test
  void everyConfigurationKeyInTheCodeIsDocumented() throws IOException {
    String readme = Files.readString(README);
    Set<String> keys = keysInCode();
    assertThat(keys).contains("supervised.temporal.backend", "supervised.temporal.events-dir",
        "supervised.temporal.build-dir"); // the collection itself works
    assertThat(keys).allSatisfy(key -> assertThat(readme).as("extension/README.md")
        .contains("`" + key + "`"));
  }

  @Test
  void everyKeyTheReadmeDocumentsIsReadByTheExtension() throws IOException {
    Set<String> keys = keysInCode();
    Matcher m = KEY_IN_README.matcher(Files.readString(README));
    Set<String> documented = new TreeSet<>();
    while (m.find()) {
      documented.add(m.group());
    }
    assertThat(documented).isNotEmpty();
    assertThat(documented).allSatisfy(key -> assertThat(keys).as("keys the extension reads")
        .contains(key));
  }

  @Test
  void everyInjectableParameterTypeIsListed() throws IOException {
    String readme = Files.readString(README);
    int start = readme.indexOf("- **Parameters**");
    assertThat(start).as("the README's Parameters item").isNotNegative();
    String item = readme.substring(start, readme.indexOf("\n- **", start + 1));
    Set<Class<?>> types = SupervisedTemporalExtension.resolvableTypes();
    assertThat(types).hasSizeGreaterThanOrEqualTo(6);
    assertThat(types).allSatisfy(type -> assertThat(item).contains("`" + type.getSimpleName()
        + "`"));
    Matcher listed = Pattern.compile("`([A-Z][A-Za-z]+)`").matcher(item);
    Set<String> names = new TreeSet<>();
    while (listed.find()) {
      names.add(listed.group(1));
    }
    assertThat(names).as("types the README lists as parameters").hasSameSizeAs(types);
  }
}
