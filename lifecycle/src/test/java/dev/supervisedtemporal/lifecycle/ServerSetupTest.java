package dev.supervisedtemporal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.supervisedtemporal.lifecycle.backend.BackendKind;
import dev.supervisedtemporal.lifecycle.backend.CliBackend;
import dev.supervisedtemporal.lifecycle.backend.EmbeddedBackend;
import dev.supervisedtemporal.lifecycle.backend.LaunchSpec;
import dev.supervisedtemporal.lifecycle.backend.SearchAttributeType;
import dev.supervisedtemporal.lifecycle.backend.ServerOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder's server set-up options: checked in build(), before anything starts. */
class ServerSetupTest {

  /** Any executable stands in for the CLI: nothing is started here. */
  private static final CliBackend CLI = new CliBackend(Path.of("/bin/true"));

  @Test
  void defaultsAreRealTimeHeadlessAndWarn() {
    try (TemporalManager m = TemporalManager.builder().backend(BackendKind.EMBEDDED).build()) {
      assertThat(m.serverOptions()).isEqualTo(ServerOptions.defaults());
      assertThat(m.serverOptions().timeSkipping()).isFalse();
    }
  }

  @Test
  void autoWithTimeSkippingPicksTheEmbeddedServer() {
    try (TemporalManager m = TemporalManager.builder().timeSkipping(true).build()) {
      assertThat(m.backend()).isInstanceOf(EmbeddedBackend.class);
      assertThat(m.serverOptions().timeSkipping()).isTrue();
    }
  }

  @Test
  void timeSkippingIsRefusedForTheCliAndAnExternalServer() {
    assertThatThrownBy(() -> TemporalManager.builder().backend(CLI).timeSkipping(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("timeSkipping = true needs the embedded backend")
        .hasMessageContaining("backend = cli");
    assertThatThrownBy(() -> TemporalManager.builder().backend(BackendKind.EXTERNAL)
        .target("127.0.0.1:7233").timeSkipping(true).build())
        .hasMessageStartingWith("timeSkipping = true needs the embedded backend")
        .hasMessageContaining("backend = external");
  }

  @Test
  void cliOnlyOptionsAreRefusedForTheEmbeddedServer() {
    assertThatThrownBy(() -> TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .dynamicConfig(List.of("frontend.enableUpdateWorkflowExecution=true")).build())
        .hasMessageStartingWith("dynamicConfig = [frontend.enableUpdateWorkflowExecution=true] "
            + "needs the cli backend, but backend = embedded");
    assertThatThrownBy(() -> TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .extraArgs(List.of("--log-format", "json")).build())
        .hasMessageStartingWith("extraArgs = [--log-format, json] needs the cli backend");
    assertThatThrownBy(() -> TemporalManager.builder().backend(BackendKind.EMBEDDED)
        .uiPort(8233).build())
        .hasMessageStartingWith("uiPort = 8233 needs the cli backend")
        .hasMessageContaining("no Web UI");
  }

  @Test
  void searchAttributesAreNotRegisteredOnAnExternalServer() {
    assertThatThrownBy(() -> TemporalManager.builder().backend(BackendKind.EXTERNAL)
        .target("127.0.0.1:7233").searchAttributes(List.of("CustomerId=Keyword")).build())
        .hasMessageStartingWith("searchAttributes = [CustomerId=Keyword] cannot be registered "
            + "on an external server");
  }

  @Test
  void badValuesNameTheSettingAndWhatIsAccepted() {
    assertThatThrownBy(() -> embedded().searchAttributes(List.of("CustomerId")).build())
        .hasMessageStartingWith("searchAttributes = 'CustomerId' is not NAME=TYPE")
        .hasMessageContaining("Keyword");
    assertThatThrownBy(() -> embedded().searchAttributes(List.of("CustomerId=Uuid")).build())
        .hasMessageStartingWith("searchAttributes = 'CustomerId=Uuid' has type 'Uuid'; accepted:"
            + " Text, Keyword, Int, Double, Bool, Datetime, KeywordList");
    assertThatThrownBy(() -> embedded()
        .searchAttributes(List.of("A=Keyword", "A=Int")).build())
        .hasMessageContaining("gives A two types");
    assertThatThrownBy(() -> embedded().namespaces(List.of("ok", "not ok")).build())
        .hasMessageStartingWith("namespaces = [ok, not ok] has 'not ok'");
    assertThatThrownBy(() -> embedded().logLevel("verbose").build())
        .hasMessageStartingWith("logLevel = 'verbose'; accepted: debug, info, warn, error");
    assertThatThrownBy(() -> TemporalManager.builder().backend(CLI)
        .dynamicConfig(List.of("=1")).build())
        .hasMessageStartingWith("dynamicConfig = '=1' is not KEY=VALUE");
    assertThatThrownBy(() -> TemporalManager.builder().backend(CLI).uiPort(70000).build())
        .hasMessageStartingWith("uiPort = 70000 is out of range; accepted: an integer 1-65535, "
            + "or 0");
    assertThatThrownBy(() -> TemporalManager.builder().backend(CLI)
        .extraArgs(List.of(" ")).build())
        .hasMessageStartingWith("extraArgs = [ ] has a blank argument");
  }

  @Test
  void theCliGetsEveryOptionAsFlags() {
    try (TemporalManager m = TemporalManager.builder().backend(CLI).namespace("main")
        .namespaces(List.of("main", "orders", "orders", "billing"))
        .searchAttribute("CustomerId", SearchAttributeType.KEYWORD)
        .searchAttributes(List.of("CustomerId=Keyword", "Amount=double"))
        .dynamicConfig(List.of("frontend.enableUpdateWorkflowExecution=true"))
        .extraArgs(List.of("--sqlite-pragma", "journal_mode=WAL"))
        .uiPort(18233).logLevel("INFO").build()) {
      ServerOptions options = m.serverOptions();
      assertThat(options.namespaces()).containsExactly("orders", "billing");
      assertThat(options.searchAttributes()).containsExactly(
          entry("CustomerId", SearchAttributeType.KEYWORD),
          entry("Amount", SearchAttributeType.DOUBLE));
      List<String> command = CLI.command(new LaunchSpec(7233, m.stateDir(), "main", false,
          options));
      String joined = String.join(" ", command);
      assertThat(joined).contains("--namespace main", "--namespace orders",
          "--namespace billing", "--search-attribute Amount=Double",
          "--dynamic-config-value frontend.enableUpdateWorkflowExecution=true",
          "--ui-port 18233", "--log-level info");
      assertThat(command).doesNotContain("--headless");
      assertThat(command.subList(command.size() - 2, command.size()))
          .containsExactly("--sqlite-pragma", "journal_mode=WAL");
    }
  }

  @Test
  void theCliIsHeadlessWithoutAUiPort() {
    List<String> command = CLI.command(new LaunchSpec(7233, Path.of("/tmp"), "default", false));
    assertThat(command).contains("--headless").doesNotContain("--ui-port", "--search-attribute");
  }

  private static TemporalManager.Builder embedded() {
    return TemporalManager.builder().backend(BackendKind.EMBEDDED);
  }
}
