package org.learningloop.common;

import java.time.DateTimeException;
import java.util.List;
import java.util.function.Function;
import org.learningloop.common.DomainException.FieldError;

/** Reading one value a person typed into a form or a query: a month, a date, a number. */
public final class FormValues {

  private FormValues() {}

  /**
   * The value as {@code parser} reads it (stripped of surrounding spaces); none when it is blank;
   * none and {@code message} for {@code field} among {@code errors} when the parser refuses it.
   */
  public static <T> T parse(
      String value,
      Function<String, T> parser,
      String field,
      String message,
      List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return parser.apply(value.strip());
    } catch (DateTimeException | IllegalArgumentException e) {
      errors.add(new FieldError(field, message));
      return null;
    }
  }
}
