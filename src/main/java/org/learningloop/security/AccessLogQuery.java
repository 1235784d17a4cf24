package org.learningloop.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.FormValues;

/**
 * A search of the access log as people and API clients ask it: whole days ({@code YYYY-MM-DD},
 * inclusive, in the application's time zone), who, and which resource.
 */
record AccessLogQuery(String from, String to, String user, String resourceType, String resourceId) {

  /** The filter, or the reasons the query is wrong. */
  AccessLog.Filter toFilter(Clock clock, List<FieldError> errors) {
    LocalDate fromDay = day("from", from, errors);
    LocalDate toDay = day("to", to, errors);
    if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
      errors.add(new FieldError("from", "must be on or before to"));
    }
    return new AccessLog.Filter(
        fromDay == null ? null : fromDay.atStartOfDay(clock.getZone()).toInstant(),
        toDay == null ? null : toDay.plusDays(1).atStartOfDay(clock.getZone()).toInstant(),
        user,
        resourceType,
        resourceId);
  }

  AccessLog.Filter toFilterOrThrow(Clock clock) {
    List<FieldError> errors = new ArrayList<>();
    AccessLog.Filter filter = toFilter(clock, errors);
    if (!errors.isEmpty()) {
      throw InvalidAccessLogQuery.fields(errors);
    }
    return filter;
  }

  private static LocalDate day(String field, String value, List<FieldError> errors) {
    return FormValues.parse(
        value, LocalDate::parse, field, "must be a date like 2024-01-31", errors);
  }
}
