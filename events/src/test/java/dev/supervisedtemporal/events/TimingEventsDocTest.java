package dev.supervisedtemporal.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds {@code docs/timing-events.md} to the code: every common field, every event type and every
 * field a type declares has its place in the doc's tables, and the doc names no type the code
 * does not have.
 */
class TimingEventsDocTest {

  private static final Path DOC = Path.of("..", "docs", "timing-events.md");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /** The code in the first column of each table row under a heading → the rest of the row. */
  private static Map<String, String> commonRows;
  private static Map<String, String> typeRows;

  @BeforeAll
  static void readTheDoc() throws Exception {
    List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
    commonRows = rowsUnder(lines, "## Common fields");
    typeRows = rowsUnder(lines, "## Types and their own fields");
  }

  private static Map<String, String> rowsUnder(List<String> lines, String heading) {
    int at = 0;
    while (at < lines.size() && !lines.get(at).startsWith(heading)) {
      at++;
    }
    assertThat(at).as("heading '%s' in %s", heading, DOC).isLessThan(lines.size());
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : lines.subList(at + 1, lines.size())) {
      if (line.startsWith("## ")) {
        break;
      }
      if (!line.startsWith("|")) {
        continue;
      }
      String[] cells = line.split("\\|", 3);
      Matcher key = CODE.matcher(cells[1]);
      if (key.find()) {
        rows.put(key.group(1), cells[2]);
      }
    }
    return rows;
  }

  private static Set<String> codeSpans(String text) {
    Set<String> spans = new HashSet<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      spans.add(m.group(1));
    }
    return spans;
  }

  @Test
  void everyCommonFieldIsDocumented() {
    assertThat(commonRows.keySet()).containsExactlyElementsOf(TimingFields.COMMON);
  }

  @Test
  void theDocumentedTypesAreExactlyTheCodesTypes() {
    assertThat(typeRows.keySet()).containsExactlyInAnyOrderElementsOf(
        Arrays.stream(TimingEventType.values()).map(Enum::name).toList());
  }

  @Test
  void everyFieldOfEveryTypeIsDocumentedInItsRow() {
    Map<TimingEventType, List<String>> missing = new LinkedHashMap<>();
    for (TimingEventType type : TimingEventType.values()) {
      String row = typeRows.get(type.name());
      Set<String> documented = row == null ? Set.of() : codeSpans(row);
      List<String> absent = type.fields().stream().map(TimingField::name)
          .filter(name -> !documented.contains(name)).collect(Collectors.toList());
      if (!absent.isEmpty()) {
        missing.put(type, absent);
      }
    }
    assertThat(missing).as("fields in TimingEventType but not in the row of %s", DOC).isEmpty();
  }
}
