package dev.supervisedtemporal.reports;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Compares the key figures of two runs, figure by figure: both values, the difference and the
 * change in percent (lower is better for every figure), like {@code pytest-benchmark compare}.
 */
final class RunComparison {

  private RunComparison() {
  }

  /** Renders the comparison of {@code base} (the earlier run) with {@code current} as a text table. */
  static String render(HistoryEntry base, HistoryEntry current) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "base    %s  %s%ncurrent %s  %s%n", base.generatedAt(),
        verdict(base), current.generatedAt(), verdict(current)));
    sb.append("Lower is better for every figure; change = (current - base) / base.\n");
    Set<String> ids = new LinkedHashSet<>();
    base.keyFigures().forEach(k -> ids.add(k.id()));
    current.keyFigures().forEach(k -> ids.add(k.id()));
    for (String id : ids) {
      KeyFigures a = base.figures(id);
      KeyFigures b = current.figures(id);
      sb.append('\n').append(id).append('\n');
      sb.append(String.format(Locale.ROOT, "  %-34s %-4s %12s %12s %12s %9s%n", "figure", "stat", "base",
          "current", "delta", "change"));
      for (KeyFigure f : KeyFigure.values()) {
        Stats sa = a == null ? null : a.get(f);
        Stats sb2 = b == null ? null : b.get(f);
        if (sa == null && sb2 == null) {
          continue;
        }
        String name = f.label() + (f.unit().equals("ms") ? " (ms)" : "");
        String va = sa == null ? "—" : Stats.fmt(sa.get(f.stat())) + " n=" + sa.n();
        String vb = sb2 == null ? "—" : Stats.fmt(sb2.get(f.stat())) + " n=" + sb2.n();
        String delta = "—";
        String change = "—";
        if (sa != null && sb2 != null) {
          double d = sb2.get(f.stat()) - sa.get(f.stat());
          delta = (d > 0 ? "+" : "") + Stats.fmt(d);
          if (sa.get(f.stat()) != 0) {
            change = String.format(Locale.ROOT, "%+.1f %%", 100 * d / sa.get(f.stat()));
          }
        }
        sb.append(String.format(Locale.ROOT, "  %-34s %-4s %12s %12s %12s %9s%n", name, f.stat(), va, vb,
            delta, change));
      }
    }
    return sb.toString();
  }

  private static String verdict(HistoryEntry e) {
    return HistoryEntry.NO_BASELINE.equals(e.verdict()) ? e.verdict()
        : e.verdict() + " (" + e.regressed() + " of " + e.checked() + " checked entries regressed)";
  }
}
