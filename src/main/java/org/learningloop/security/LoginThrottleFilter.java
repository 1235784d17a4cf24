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
    Optional<LoginThrottle.Lock> lock = throttle.lockFor(username, client);
    if (lock.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String who = LoginThrottle.account(username);
    log.warn(
        "Refused a sign-in: {} locked for {}; the access log has the account and the client address",
        lock.get().reason(),
        lock.get().remaining());
    accessLog.record(
        who.isEmpty() ? "anonymous" : who, "SIGN_IN_LOCKED_OUT", AccessLog.SIGN_IN, client);
    if (formLogin) {
      response.sendRedirect(request.getContextPath() + "/login?locked=" + lock.get().minutes());
    } else {
      ProblemDetailsSecurityHandlers.tooManyAttempts(json, response, lock.get().remaining());
    }
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
