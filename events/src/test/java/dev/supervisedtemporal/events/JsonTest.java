package dev.supervisedtemporal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  private static Map<String, Object> sample() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "line1\nline2\t\"q\" \\ \u0001 \u2028 ünï");
    m.put("n", null);
    m.put("b", true);
    m.put("i", 42L);
    m.put("d", 1.5);
    m.put("whole", 10_000_000.0);
    m.put("tiny", 1.0E-7);
    m.put("list", List.of(1L, "x"));
    m.put("pairs", List.of(List.of(1.0, 2.0), List.of(3.0, 4.0)));
    m.put("nested", List.of(Map.of("k", "v")));
    m.put("empty", Map.of());
    return m;
  }

  @Test
  void oneLineAndIndentedFormsReadBackToTheSameValues() {
    Map<String, Object> value = sample();
    String line = Json.line(value);
    assertThat(line).doesNotContain("\n", ": ", ", ")
        .contains("\"s\":\"line1\\nline2\\t\\\"q\\\" \\\\ \\u0001 \\u2028 ünï\"")
        .contains("\"whole\":10000000.0,\"tiny\":1.0E-7,\"list\":[1,\"x\"]");
    assertThat(Json.parse(line)).isEqualTo(value);
    String indented = Json.indented(value);
    assertThat(indented).startsWith("{\n  \"s\": ").endsWith("}\n")
        .contains("  \"pairs\": [[1.0, 2.0], [3.0, 4.0]],\n")
        .contains("  \"nested\": [\n    {\n      \"k\": \"v\"\n    }\n  ],\n");
    assertThat(Json.parse(indented)).isEqualTo(value);
  }

  @Test
  void theOneLineFormIsLenientTheIndentedFormStrict() {
    Map<String, Object> odd = new LinkedHashMap<>();
    odd.put("nan", Double.NaN);
    odd.put("kind", TimingEventType.TICK);
    odd.put("set", java.util.Set.of(3));
    odd.put("int", 7);
    assertThat(Json.line(odd)).isEqualTo("{\"nan\":null,\"kind\":\"TICK\",\"set\":[3],\"int\":7}");
    assertThatThrownBy(() -> Json.indented(Map.of("nan", Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    assertThatThrownBy(() -> Json.indented(Map.of("kind", TimingEventType.TICK)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON value");
  }

  @Test
  void parseNamesTheColumnOfAnError() {
    assertThatThrownBy(() -> Json.parse("{\"a\":1,}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column 8");
    assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("after the JSON value");
    assertThat(Json.parse("123456789012345678901234567890")).isInstanceOf(Double.class);
    assertThat(Json.quote("a\"b")).isEqualTo("\"a\\\"b\"");
  }
}
