package org.learningloop.security;

import java.util.List;
import org.learningloop.common.DomainException;

/** A search of the access log that cannot be answered as asked. */
public final class InvalidAccessLogQuery extends DomainException {

  private InvalidAccessLogQuery(String detail, List<FieldError> errors) {
    super(Kind.INVALID, "invalid-access-log-query", "Invalid access-log search", detail, errors);
  }

  static InvalidAccessLogQuery badPage(int maxSize) {
    return new InvalidAccessLogQuery(
        "page must be 0 or more and size between 1 and " + maxSize + ".",
        List.of(
            new FieldError("page", "must be 0 or more"),
            new FieldError("size", "must be between 1 and " + maxSize)));
  }

  static InvalidAccessLogQuery fields(List<FieldError> errors) {
    return new InvalidAccessLogQuery("Some search fields are wrong; see errors.", errors);
  }
}
