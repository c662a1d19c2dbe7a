package dev.supervisedtemporal.lifecycle.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @ParameterizedTest
  @CsvSource({"250ms, 250", "5s, 5000", "1m, 60000", "2h, 7200000", "PT0.25S, 250",
      "pt1m, 60000", " 7 s , 7000", "10MS, 10"})
  void readsUnitsAndIso(String text, long millis) {
    assertThat(DurationText.parse(text)).contains(Duration.ofMillis(millis));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0ms", "-1s", "PT0S", "PT-1S"})
  void rejectsZeroAndNegativeAsNotPositive(String text) {
    assertThat(DurationText.parse(text)).isEmpty();
    assertThat(DurationText.problem(text)).isEqualTo("is not positive");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast", "", "5", "5 sec", "1.5s", "P", "ms"})
  void rejectsWhatIsNoDuration(String text) {
    assertThat(DurationText.parse(text)).isEmpty();
    assertThat(DurationText.problem(text)).isEqualTo("is not a duration");
  }
}
