package dev.supervisedtemporal.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void nearestRankOnOneToHundred() {
    List<Double> xs = new ArrayList<>();
    for (int i = 100; i >= 1; i--) {
      xs.add((double) i);
    }
    Stats s = Stats.of(xs);
    assertThat(s.n()).isEqualTo(100);
    assertThat(s.p50()).isEqualTo(50.0);
    assertThat(s.p95()).isEqualTo(95.0);
    assertThat(s.p99()).isEqualTo(99.0);
    assertThat(s.max()).isEqualTo(100.0);
    assertThat(s.min()).isEqualTo(1.0);
    assertThat(s.mean()).isEqualTo(50.5);
  }

  @Test
  void nearestRankOnSmallSamplesIsAnObservedValue() {
    Stats s = Stats.of(List.of(15.0, 20.0, 35.0, 40.0, 50.0));
    assertThat(s.p50()).isEqualTo(35.0); // ceil(2.5) = 3rd
    assertThat(s.p95()).isEqualTo(50.0); // ceil(4.75) = 5th
    assertThat(Stats.percentile(List.of(15.0, 20.0, 35.0, 40.0, 50.0), 30)).isEqualTo(20.0);
    assertThat(Stats.percentile(List.of(15.0, 20.0, 35.0, 40.0, 50.0), 40)).isEqualTo(20.0);
    assertThat(Stats.of(List.of(7.0)).p99()).isEqualTo(7.0);
  }

  @Test
  void emptyIsRejected() {
    assertThatThrownBy(() -> Stats.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
