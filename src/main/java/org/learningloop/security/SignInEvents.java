package org.learningloop.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Records sign-in events in the access log (successes of people signing in interactively, every
 * failure) and the application log. A success of an API client's HTTP Basic request is not logged:
 * that would be every API request.
 */
@Component
class SignInEvents {

  private static final Logger log = LoggerFactory.getLogger(SignInEvents.class);

  private final AccessLog accessLog;

  SignInEvents(AccessLog accessLog) {
    this.accessLog = accessLog;
  }

  @EventListener
  void failed(AuthenticationFailureBadCredentialsEvent event) {
    Authentication attempt = event.getAuthentication();
    if (!(attempt instanceof UsernamePasswordAuthenticationToken)) {
      return;
    }
    String username = LoginThrottle.account(attempt.getName());
    String client = clientAddress(attempt);
    // Counted by LoginThrottleFilter, which recorded the attempt as a failure before the check.
    // Who and from where go to the access log only (line breaks removed): a mistyped username may
    // be an email address or a password, and no log line carries personal data.
    String who = LogSafe.text(username);
    log.warn("Failed sign-in; the access log has the account and the client address");
    accessLog.record(
        who.isEmpty() ? "anonymous" : who,
        "SIGN_IN_FAILED",
        AccessLog.SIGN_IN,
        LogSafe.text(client));
  }

  @EventListener
  void signedIn(InteractiveAuthenticationSuccessEvent event) {
    Authentication who = event.getAuthentication();
    String client = LogSafe.text(clientAddress(who));
    String name = LogSafe.text(who.getName());
    log.info("Signed in; the access log has who and from where");
    accessLog.record(name, "SIGN_IN_SUCCEEDED", AccessLog.SIGN_IN, client);
  }

  private static String clientAddress(Authentication authentication) {
    return authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : "unknown";
  }
}
