package dev.supervisedtemporal.extension;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Runs fixture classes through the Jupiter engine, with an output directory for published files. */
final class FixtureRunner {

  private FixtureRunner() {}

  /** Executes the classes with the configuration parameters and returns what happened. */
  static EngineExecutionResults run(Map<String, String> config, Class<?>... fixtures) {
    Path root = TimingEventWriter.defaultEventsDir().resolveSibling("published");
    return EngineTestKit.engine("junit-jupiter")
        .selectors(Arrays.stream(fixtures).map(c -> selectClass(c))
            .toArray(org.junit.platform.engine.DiscoverySelector[]::new))
        .configurationParameters(config)
        .outputDirectoryCreator(new OutputDirectoryCreator() {
          @Override
          public Path getRootDirectory() {
            return root;
          }

          @Override
          public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
            String name = descriptor.getUniqueId().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            return Files.createDirectories(root.resolve(name));
          }
        })
        .execute();
  }
}
