package org.learningloop.security;

import java.util.List;
import org.learningloop.common.DomainException;

/** A search of the access log that cannot be answered as asked. */
public final class InvalidAccessLogQuery extends DomainException {

  private InvalidAccessLogQuery(String detail, List<FieldError> errors) {
    super(Kind.INVALID, "invalid-access-log-query", "Invalid access-log search", detail, errors);
  }

  static InvalidAccessLogQuery fields(List<FieldError> errors) {
    return new InvalidAccessLogQuery("Some search fields are wrong; see errors.", errors);
  }
}
