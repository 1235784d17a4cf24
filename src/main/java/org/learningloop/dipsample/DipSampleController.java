package org.learningloop.dipsample;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.security.AccessLog;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dip-sample API: auditors record dip samples; everyone who works with case data reads them
 * (administrators see no case data).
 */
@RestController
@RequestMapping("/api/dip-samples")
@PreAuthorize(DipSampleController.READERS)
class DipSampleController {

  /** Everyone but administrators, who run the system and see no case data. */
  static final String READERS =
      "hasAnyRole('AUDITOR','MODERATOR','PI_LEAD','PI_OFFICER','PRACTITIONER','TEAM_MANAGER',"
          + "'SERVICE_MANAGER','ASSISTANT_DIRECTOR')";

  private final DipSamples dipSamples;
  private final AccessLog accessLog;

  DipSampleController(DipSamples dipSamples, AccessLog accessLog) {
    this.dipSamples = dipSamples;
    this.accessLog = accessLog;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @PreAuthorize("hasRole('AUDITOR')")
  @Operation(
      operationId = "recordDipSample",
      summary = "Record a thematic dip sample (auditors)",
      description =
          "The signed-in auditor is its auditor. Audits of type THEMATIC_DIP_SAMPLE whose theme column holds its"
              + " ref (or, in the same month and service area, its theme) belong to it. A ref already recorded is"
              + " a 409; any field at fault a 400 naming every one, and nothing is written.")
  DipSampleView record(@Valid @RequestBody DipSampleCommand body, Authentication user) {
    return dipSamples.record(body, user.getName());
  }

  @GetMapping
  @Operation(
      operationId = "listDipSamples",
      summary = "The dip samples of a period, in month then theme order")
  List<DipSampleView> list(
      @Parameter(description = "first month, YYYY-MM") @RequestParam String from,
      @Parameter(description = "last month, YYYY-MM (inclusive)") @RequestParam String to,
      Authentication user) {
    YearMonth[] period = period(from, to);
    List<DipSampleView> found = dipSamples.list(period[0], period[1]);
    accessLog.record(user.getName(), "LIST", "DIP_SAMPLE", null);
    return found;
  }

  @GetMapping("/{ref}")
  @Operation(
      operationId = "getDipSample",
      summary = "One dip sample, with its audits and how its actions stand")
  DipSampleView get(@PathVariable String ref, Authentication user) {
    DipSampleView found = dipSamples.get(ref);
    accessLog.record(user.getName(), "VIEW", "DIP_SAMPLE", ref);
    return found;
  }

  /** A period of whole months, the first not after the last: 400 naming each fault otherwise. */
  static YearMonth[] period(String from, String to) {
    List<FieldError> errors = new ArrayList<>();
    YearMonth first = month("from", from, errors);
    YearMonth last = month("to", to, errors);
    if (first != null && last != null && last.isBefore(first)) {
      errors.add(new FieldError("to", "must be the same month as from or later"));
    }
    if (!errors.isEmpty()) {
      throw ActionProblem.invalidQuery(errors);
    }
    return new YearMonth[] {first, last};
  }

  private static YearMonth month(String field, String value, List<FieldError> errors) {
    try {
      YearMonth month = YearMonth.parse(value == null ? "" : value.strip());
      if (month.getYear() < 1900 || month.getYear() > 2999) {
        errors.add(new FieldError(field, "must be a month from 1900-01 to 2999-12"));
        return null;
      }
      return month;
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be a month as YYYY-MM"));
      return null;
    }
  }
}
