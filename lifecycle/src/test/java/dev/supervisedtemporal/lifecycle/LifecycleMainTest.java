package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad command lines get a usage error naming the option and what it accepts; nothing starts. */
class LifecycleMainTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--backend                 | --backend needs a value; accepted: embedded, cli, auto",
      "measure --backend         | --backend needs a value; accepted: embedded, cli, auto",
      "--backend --rounds 3      | --backend needs a value; accepted: embedded, cli, auto",
      "--backend nope            | --backend = 'nope' is not a backend; accepted:",
      "--backend external        | --backend = 'external': this command starts its own servers",
      "--duration                | --duration needs a value; accepted: a positive duration",
      "--duration 5x             | --duration = '5x' is not a duration; accepted: a positive",
      "--interval 0ms            | --interval = '0ms' is not positive; accepted:",
      "--rounds                  | --rounds needs a value; accepted: a whole number",
      "--rounds many             | --rounds = 'many' is not a number; accepted: a whole number",
      "--rounds 0                | --rounds = 0; accepted: >= 1",
      "--frobnicate              | unknown argument '--frobnicate'",
  })
  void badArgumentsExitWithTwoAndAClearMessage(String line, String expected) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = LifecycleMain.run(line.trim().split("\\s+"), print(out), print(err));

    String error = err.toString(StandardCharsets.UTF_8);
    assertThat(code).as(error).isEqualTo(2);
    assertThat(error).startsWith("error: ").contains(expected).contains("usage: LifecycleMain")
        .doesNotContain("out of bounds");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
