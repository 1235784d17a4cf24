package org.learningloop.reporting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The committee report's appendix, the Children's Social Care Performance Scorecard: which measures
 * it shows, in order, each with its target and the margin within which a miss is Amber rather than
 * Red. Defaults in {@code application.yml}.
 */
@Validated
@ConfigurationProperties("learning-loop.reports.scorecard")
public record ScorecardProperties(List<@Valid Target> measures) {

  /**
   * @param measure what is measured
   * @param target a percentage: at most this for measures where lower is better, at least this
   *     where higher is better
   * @param amberMargin percentage points beyond the target still rated Amber
   */
  public record Target(
      @NotNull ScorecardMeasure measure,
      @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal target,
      @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal amberMargin) {}

  public ScorecardProperties {
    measures = measures == null ? List.of() : List.copyOf(measures);
  }

  @AssertTrue(message = "each scorecard measure may be listed once")
  public boolean isEachMeasureOnce() {
    HashSet<ScorecardMeasure> seen = new HashSet<>();
    return measures.stream().allMatch(t -> t.measure() == null || seen.add(t.measure()));
  }
}
