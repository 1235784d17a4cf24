package org.learningloop.reporting;

import java.util.List;
import org.learningloop.dipsample.ActionFigures;
import org.learningloop.dipsample.DipSampleStatistics;
import org.springframework.stereotype.Service;

/**
 * The thematic dip samples of a period with their actions, through the dip-sample module's face
 * (never an audit row counted as a dip sample).
 */
@Service
class DipSampleReports {

  private final DipSampleStatistics statistics;

  DipSampleReports(DipSampleStatistics statistics) {
    this.statistics = statistics;
  }

  DipSampleSummary summarise(ReportPeriod period) {
    List<DipSampleSummary.DipSample> samples =
        statistics.inMonths(period.from(), period.to()).stream()
            .map(
                d ->
                    new DipSampleSummary.DipSample(
                        d.ref(),
                        d.theme(),
                        d.month().toString(),
                        d.serviceArea(),
                        d.unit(),
                        d.sampleSize(),
                        d.audits(),
                        d.actions()))
            .toList();
    ActionFigures all =
        samples.stream()
            .map(DipSampleSummary.DipSample::actions)
            .reduce(ActionFigures.none(), ActionFigures::plus);
    return new DipSampleSummary(period.from().toString(), period.to().toString(), samples, all);
  }
}
