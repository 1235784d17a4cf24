package org.learningloop.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt (the login form's POST, or a request carrying HTTP Basic credentials)
 * while its account or client address is locked, before any password is checked: people go back to
 * the login page with the reason, API clients get a 429 problem with {@code Retry-After}. Not a
 * bean, so the servlet container does not run it twice.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

  private final LoginThrottle throttle;
  private final AccessLog accessLog;
  private final ObjectMapper json;

  LoginThrottleFilter(LoginThrottle throttle, AccessLog accessLog, ObjectMapper json) {
    this.throttle = throttle;
    this.accessLog = accessLog;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean formLogin = isFormLogin(request);
    Optional<String> basicUser = basicUsername(request);
    if (!formLogin && basicUser.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String username = formLogin ? request.getParameter("username") : basicUser.get();
    String client = request.getRemoteAddr();
    LoginThrottle.Either attempt = throttle.begin(username, client);
    if (attempt.refused() == null) {
      boolean succeeded = false;
      try {
        chain.doFilter(request, response);
        succeeded = signedInAs(username);
      } finally {
        throttle.end(attempt.attempt(), succeeded);
      }
      return;
    }
    LoginThrottle.Lock lock = attempt.refused();
    String who = LogSafe.text(LoginThrottle.account(username));
    String from = LogSafe.text(client);
    log.warn(
        "Refused a sign-in: {} locked for {}; the access log has the account and the client address",
        lock.reason(),
        lock.remaining());
    accessLog.record(
        who.isEmpty() ? "anonymous" : who, "SIGN_IN_LOCKED_OUT", AccessLog.SIGN_IN, from);
    if (formLogin) {
      response.sendRedirect(request.getContextPath() + "/login?locked=" + lock.minutes());
    } else {
      ProblemDetailsSecurityHandlers.tooManyAttempts(json, response, lock.remaining());
    }
  }

  /** Whether the attempt signed this person in (the filters inside set the context then). */
  private static boolean signedInAs(String username) {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    return signedIn != null
        && signedIn.isAuthenticated()
        && !(signedIn instanceof AnonymousAuthenticationToken)
        && LoginThrottle.account(signedIn.getName()).equals(LoginThrottle.account(username));
  }

  private static boolean isFormLogin(HttpServletRequest request) {
    return HttpMethod.POST.matches(request.getMethod())
        && (request.getContextPath() + "/login").equals(request.getRequestURI());
  }

  private static Optional<String> basicUsername(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
    } catch (IllegalArgumentException notBase64) {
      // Spring Security's Basic filter refuses it with a 401; nothing to count here.
      return Optional.empty();
    }
  }
}
