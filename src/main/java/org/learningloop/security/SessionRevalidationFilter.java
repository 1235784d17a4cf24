package org.learningloop.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session at its next request once the directory no longer vouches for it: the
 * person was removed or disabled, or (after a password sign-in) their roles changed. The session is
 * invalidated and the request goes on unauthenticated, so a page sends them to sign in again and
 * the API answers 401. Roles from the council's identity provider come from its groups, not the
 * directory, so for those only removal and disabling count. Requests without a session (HTTP Basic)
 * are checked by their own sign-in on every request. Not a bean, so the container does not run it
 * twice.
 */
class SessionRevalidationFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(SessionRevalidationFilter.class);

  private final Directory directory;
  private final AccessLog accessLog;

  SessionRevalidationFilter(Directory directory, AccessLog accessLog) {
    this.directory = directory;
    this.accessLog = accessLog;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (session != null
        && request.getRequestedSessionId() != null
        && signedIn != null
        && signedIn.isAuthenticated()
        && !(signedIn instanceof AnonymousAuthenticationToken)
        && stale(signedIn)) {
      String who = LogSafe.text(signedIn.getName());
      log.info("Ended the session of '{}': their account was disabled, removed or changed", who);
      accessLog.record(
          who, "SESSION_ENDED", AccessLog.SIGN_IN, LogSafe.text(request.getRemoteAddr()));
      session.invalidate();
      SecurityContextHolder.clearContext();
    }
    chain.doFilter(request, response);
  }

  private boolean stale(Authentication signedIn) {
    Optional<Person> person = directory.findByUsername(signedIn.getName());
    if (person.isEmpty() || !person.get().enabled()) {
      return true;
    }
    if (signedIn instanceof UsernamePasswordAuthenticationToken) {
      Set<Role> granted = CurrentUser.rolesOf(signedIn);
      return !granted.equals(person.get().roles());
    }
    return false;
  }
}
