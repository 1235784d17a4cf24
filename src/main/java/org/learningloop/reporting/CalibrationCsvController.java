package org.learningloop.reporting;

import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calibration as one CSV file (RFC 4180, UTF-8, header row, the page's hidden rows hidden,
 * cells defused as the reports' are), for PI leads only. A REST controller, so that a bad period is
 * answered with problem details.
 */
@RestController
@PreAuthorize(CalibrationPageController.READ)
class CalibrationCsvController {

  private final Calibrations calibrations;
  private final Clock clock;

  CalibrationCsvController(Calibrations calibrations, Clock clock) {
    this.calibrations = calibrations;
    this.clock = clock;
  }

  @GetMapping("/calibration.csv")
  ResponseEntity<String> csv(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    ReportPeriod period = CalibrationPageController.periodOrDefault(from, to, clock);
    return ResponseEntity.ok()
        .contentType(ReportCsvController.TEXT_CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("calibration-" + period.from() + "-to-" + period.to() + ".csv")
                .build()
                .toString())
        .body(ReportCsvController.write(calibrations.of(period).csv()));
  }
}
