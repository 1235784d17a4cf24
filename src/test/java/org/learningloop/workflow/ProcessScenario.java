package org.learningloop.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The set-up the scenario tests of a model on the bare engine share: the engine's clock stands at
 * {@link #T0} while each test starts, and the clock and the mocked delegates are reset after it.
 * Each test class registers its own engine with {@link #engineCoveringEveryPath()}.
 */
abstract class ProcessScenario {

  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  /**
   * A bare engine of its own for the test class, which fails the class unless its tests together
   * visit every flow node and sequence flow of the models deployed.
   */
  static ProcessEngineCoverageExtension engineCoveringEveryPath() {
    return ProcessEngineCoverageExtension.builder("process-engine-test.cfg.xml")
        .assertClassCoverageAtLeast(1.0)
        .build();
  }

  @BeforeEach
  void startTheClockAtT0() {
    ClockUtil.setCurrentTime(Date.from(T0));
  }

  @AfterEach
  void resetTheClockAndTheMocks() {
    ClockUtil.reset();
    Mocks.reset();
  }

  /** The moment {@code fromStart} after {@link #T0}. */
  static Date at(Duration fromStart) {
    return Date.from(T0.plus(fromStart));
  }
}
