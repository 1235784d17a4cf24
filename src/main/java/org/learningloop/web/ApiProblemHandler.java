package org.learningloop.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.learningloop.common.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of an API endpoint into RFC 9457 problem details: a type, a title a person
 * can read, and, where input was wrong, {@code errors} naming each field at fault. Never a stack
 * trace, SQL or a class name.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

  static final String TYPE_BASE = "https://learningloop.org/problems/";

  private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

  @ExceptionHandler(DomainException.class)
  ResponseEntity<ProblemDetail> domain(DomainException e) {
    ProblemDetail problem =
        problem(HttpStatus.valueOf(e.kind().status()), e.type(), e.title(), e.getMessage());
    if (!e.errors().isEmpty()) {
      problem.setProperty("errors", errors(e.errors()));
    }
    return ResponseEntity.status(e.kind().status()).body(problem);
  }

  /**
   * Two requests changed the same row at once (optimistic locking), or the database ended one of
   * them as a deadlock victim or on a lock wait: the later one changed nothing and may try again.
   */
  @ExceptionHandler(ConcurrencyFailureException.class)
  ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyFailureException e) {
    return answer(
        HttpStatus.CONFLICT,
        "concurrent-change",
        "Changed by someone else",
        "Someone else changed this at the same time. Reload it and try again.");
  }

  /**
   * Two requests wrote the same unique thing at once (e.g. the same new audit ref): the later one
   * may retry.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<ProblemDetail> simultaneousWrite(DataIntegrityViolationException e) {
    // The database's message quotes the clashing values, which may be personal data: not logged.
    log.info(
        "Refused a write that clashed with another ({})",
        e.getMostSpecificCause().getClass().getSimpleName());
    return answer(
        HttpStatus.CONFLICT,
        "concurrent-change",
        "Changed by someone else",
        "Someone else wrote the same record at the same time. Nothing was changed; try again.");
  }

  /**
   * Method security ({@code @PreAuthorize}) refuses inside the controller, after the filter chain:
   * a 403 problem.
   */
  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
    return answer(
        HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "Your role does not allow this request.");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (lostTheDatabase(e)) {
      // Its transaction died with the connection, so the database rolled all of it back.
      log.warn("An API request lost its database connection: {}", e.toString());
      ProblemDetail problem =
          problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              "database-unavailable",
              "Database unavailable",
              "The connection to the database was lost while this request was being served. Nothing"
                  + " was changed; try again in a moment.");
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
          .header(HttpHeaders.RETRY_AFTER, "5")
          .body(problem);
    }
    log.error("Unexpected failure of an API request", e);
    return answer(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "Something went wrong on our side. Nothing was changed; try again later.");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem = e.getBody();
    problem.setType(URI.create(TYPE_BASE + "invalid-request"));
    problem.setTitle("Invalid request");
    problem.setDetail("Some fields are missing or wrong; see errors.");
    problem.setProperty(
        "errors",
        errors(
            e.getBindingResult().getFieldErrors().stream()
                .map(f -> new DomainException.FieldError(f.getField(), f.getDefaultMessage()))
                .toList()));
    return handleExceptionInternal(e, problem, headers, status, request);
  }

  /** Unreadable JSON: say where, by the path of the property at fault when there is one. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "unreadable-request",
            "Unreadable request",
            "The request body is missing or is not valid JSON of the expected shape.");
    String field = "body";
    if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
    }
    String message =
        e.getCause() instanceof JsonMappingException
            ? "has the wrong type or shape"
            : "is not valid JSON";
    problem.setProperty("errors", errors(List.of(new DomainException.FieldError(field, message))));
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /**
   * A parameter outside its limits (e.g. {@code page} above {@link
   * org.learningloop.common.Paging#MAX_PAGE}) or a body field at fault, found by method validation:
   * each named with the limit it broke.
   */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<DomainException.FieldError> errors = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      if (result instanceof ParameterErrors fields) {
        fields
            .getFieldErrors()
            .forEach(
                f ->
                    errors.add(
                        new DomainException.FieldError(f.getField(), f.getDefaultMessage())));
        continue;
      }
      MethodParameter parameter = result.getMethodParameter();
      String name = parameterName(parameter);
      if (parameter.hasParameterAnnotation(Min.class)
          && parameter.hasParameterAnnotation(Max.class)) {
        // A number with a range: say the whole range, not only the bound it crossed.
        errors.add(new DomainException.FieldError(name, expectation(parameter)));
        continue;
      }
      result
          .getResolvableErrors()
          .forEach(r -> errors.add(new DomainException.FieldError(name, r.getDefaultMessage())));
    }
    return invalidRequest(e, errors, headers, request);
  }

  /** A parameter of the wrong type: a word where a number belongs, a number beyond all range. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
    String expected = "has the wrong type";
    if (e instanceof MethodArgumentTypeMismatchException mismatch) {
      name = parameterName(mismatch.getParameter());
      expected = expectation(mismatch.getParameter());
    }
    return invalidRequest(
        e, List.of(new DomainException.FieldError(name, expected)), headers, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return invalidRequest(
        e,
        List.of(new DomainException.FieldError(e.getParameterName(), "is required")),
        headers,
        request);
  }

  private ResponseEntity<Object> invalidRequest(
      Exception e,
      List<DomainException.FieldError> errors,
      HttpHeaders headers,
      WebRequest request) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            "Invalid request",
            "Some parameters are missing or wrong; see errors.");
    problem.setProperty("errors", errors(errors));
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  private static String parameterName(MethodParameter parameter) {
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param != null && !param.name().isEmpty()) {
      return param.name();
    }
    PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
    if (path != null && !path.name().isEmpty()) {
      return path.name();
    }
    String name = parameter.getParameterName();
    return name == null ? "parameter" : name;
  }

  /** What a parameter must be, with its limits where it has them. */
  private static String expectation(MethodParameter parameter) {
    Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      Min min = parameter.getParameterAnnotation(Min.class);
      Max max = parameter.getParameterAnnotation(Max.class);
      if (min != null && max != null) {
        return "must be a whole number from " + min.value() + " to " + max.value();
      }
      long limit = type == int.class || type == Integer.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
      return "must be a whole number up to " + limit;
    }
    if (type == LocalDate.class) {
      return "must be a date as YYYY-MM-DD";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "must be true or false";
    }
    return "has the wrong type";
  }

  /**
   * Whether the request failed because its database connection broke or could not be had (the
   * server restarted, the connection was killed, the pool was exhausted), whichever layer (JPA, the
   * engine, JDBC) reported it.
   */
  static boolean lostTheDatabase(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLRecoverableException
          || t instanceof java.sql.SQLNonTransientConnectionException
          || t instanceof java.sql.SQLTransientConnectionException
          || t instanceof org.springframework.dao.DataAccessResourceFailureException
          || t instanceof org.springframework.transaction.CannotCreateTransactionException) {
        return true;
      }
    }
    return false;
  }

  /** A problem with no more to it than its status, type, title and detail. */
  private static ResponseEntity<ProblemDetail> answer(
      HttpStatus status, String type, String title, String detail) {
    return ResponseEntity.status(status).body(problem(status, type, title, detail));
  }

  private static ProblemDetail problem(
      HttpStatusCode status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  private static List<Map<String, String>> errors(List<DomainException.FieldError> errors) {
    return errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList();
  }
}
