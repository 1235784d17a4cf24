package org.learningloop.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * API clients are refused with problem details too, and told to use HTTP Basic. The 401 carries no
 * {@code WWW-Authenticate: Basic} challenge: that header makes a browser prompt for a password and
 * then send it, unasked, with every later request to the site, including requests forged by another
 * site. API clients send their credentials pre-emptively and need no challenge.
 */
final class ProblemDetailsSecurityHandlers {

  private static final String TYPE_BASE = "https://learningloop.org/problems/";

  private ProblemDetailsSecurityHandlers() {}

  static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
    return (request, response, e) -> {
      write(
          json,
          response,
          HttpStatus.UNAUTHORIZED,
          "unauthenticated",
          "Sign-in required",
          "Send a username and password with HTTP Basic authentication.");
    };
  }

  static AccessDeniedHandler forbidden(ObjectMapper json) {
    return (request, response, e) ->
        write(
            json,
            response,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Not allowed",
            "Your role does not allow this request.");
  }

  /** A sign-in refused while its account or client address is locked out. */
  static void tooManyAttempts(
      ObjectMapper json, HttpServletResponse response, java.time.Duration retryAfter)
      throws IOException {
    response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    write(
        json,
        response,
        HttpStatus.TOO_MANY_REQUESTS,
        "sign-in-locked",
        "Too many failed sign-ins",
        "Sign-in is locked after too many failed attempts. Try again after the time in Retry-After (seconds).");
  }

  private static void write(
      ObjectMapper json,
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String title,
      String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
