package org.learningloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds: every top-level package under {@code org.learningloop} is a module,
 * its root package is its face, its sub-packages are its inside unless opened on purpose
 * ({@code @NamedInterface}), and no modules depend on each other in a cycle. The README's module
 * graph is this verified one.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(LearningLoopApplication.class);

  private static final Path README = Path.of("README.md");
  private static final String GRAPH_START = "<!-- module graph: ModularityTest writes it -->";
  private static final String GRAPH_END = "<!-- end of module graph -->";

  @Test
  void modulesHaveNoCyclesAndUseOnlyEachOthersFaces() {
    MODULES.verify();
  }

  /**
   * The same check over two test-only modules that break both rules: {@code orders} and {@code
   * invoices} depend on each other, and {@code orders} uses a type inside {@code
   * invoices.internal}.
   */
  @Test
  void theCheckFailsOnACycleAndOnAReachIntoAnotherModulesInside() {
    ApplicationModules broken =
        ApplicationModules.of("org.learningloop.cyclefixture", location -> true);

    assertThatThrownBy(broken::verify)
        .isInstanceOf(Violations.class)
        .hasMessageContaining("Cycle detected")
        .hasMessageMatching(
            "(?s).*Cycle detected: Slice (orders|invoices) ->\\s+Slice (invoices|orders) ->\\s+Slice"
                + " (orders|invoices).*")
        .hasMessageContaining(
            "Module 'orders' depends on non-exposed type"
                + " org.learningloop.cyclefixture.invoices.internal.InvoiceNumbers within module"
                + " 'invoices'");
  }

  /**
   * The README opens its Modules section with this graph; when a dependency between modules is
   * added or dropped, this test fails and prints the graph to paste. Spring Modulith's own diagrams
   * (PlantUML, one per module, and the module canvases) are written to {@code
   * target/spring-modulith-docs}.
   */
  @Test
  void theReadmeShowsTheVerifiedModuleGraph() throws IOException {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();

    String readme = Files.readString(README);
    int start = readme.indexOf(GRAPH_START);
    int end = readme.indexOf(GRAPH_END);
    assertThat(start).as("README.md has the module graph's markers").isNotNegative();
    assertThat(end).isGreaterThan(start);
    String shown = readme.substring(start + GRAPH_START.length(), end).strip();

    assertThat(shown)
        .as("README.md's module graph; paste this between the markers:%n%s", mermaid(MODULES))
        .isEqualTo(mermaid(MODULES));
  }

  /** Each module with the modules it depends on, in name order, as a Mermaid graph. */
  static String mermaid(ApplicationModules modules) {
    String edges =
        modules.stream()
            .sorted(Comparator.comparing(module -> module.getIdentifier().toString()))
            .flatMap(
                module ->
                    module
                        .getDirectDependencies(modules)
                        .uniqueModules()
                        .map(dependency -> dependency.getIdentifier().toString())
                        .sorted()
                        .map(dependency -> "  " + module.getIdentifier() + " --> " + dependency))
            .collect(Collectors.joining("\n"));
    return "```mermaid\ngraph LR\n" + edges + "\n```";
  }
}
