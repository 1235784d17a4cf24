package org.learningloop.reporting;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.learningloop.common.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The auditors' calibration page, for PI leads only (the council's QA lead holds the PI lead role):
 * never for moderators, auditors, managers, practitioners or administrators, and never published.
 * The security configuration lets only PI leads reach {@code /calibration} and {@code
 * /calibration.csv}; this controller and {@link Calibrations} check it again.
 */
@Controller
@PreAuthorize(CalibrationPageController.READ)
class CalibrationPageController {

  /** Who sees the calibration: PI leads, and nobody else. */
  static final String READ = "hasRole('PI_LEAD')";

  private final Calibrations calibrations;
  private final Clock clock;

  CalibrationPageController(Calibrations calibrations, Clock clock) {
    this.calibrations = calibrations;
    this.clock = clock;
  }

  @GetMapping("/calibration")
  String calibration(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      Model model) {
    ReportPeriod period = periodOrDefault(from, to, clock);
    model.addAttribute("calibration", calibrations.of(period));
    model.addAttribute("from", period.from().toString());
    model.addAttribute("to", period.to().toString());
    model.addAttribute("fromErrors", List.of());
    model.addAttribute("toErrors", List.of());
    return "calibration/index";
  }

  /** A wrong period: the page again, with the error summary and the form to put it right. */
  @ExceptionHandler(DomainException.class)
  ModelAndView problem(DomainException e, HttpServletRequest request) {
    String from = request.getParameter("from");
    String to = request.getParameter("to");
    Map<String, Object> model = new HashMap<>();
    model.put("problem", e);
    model.put("errors", e.errors());
    model.put("from", from == null ? "" : from);
    model.put("to", to == null ? "" : to);
    model.put("fromErrors", messages(e, "from"));
    model.put("toErrors", messages(e, "to"));
    ModelAndView page = new ModelAndView("calibration/index", model);
    page.setStatus(HttpStatus.valueOf(e.kind().status()));
    return page;
  }

  private static List<String> messages(DomainException e, String field) {
    return e.errors().stream()
        .filter(error -> error.field().equals(field))
        .map(error -> error.message())
        .toList();
  }

  /** The twelve months to the last complete one when no period is given. */
  static ReportPeriod periodOrDefault(String from, String to, Clock clock) {
    if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
      YearMonth last = YearMonth.now(clock).minusMonths(1);
      return new ReportPeriod(last.minusMonths(11), last);
    }
    return ReportPeriod.parse(from, to);
  }
}
