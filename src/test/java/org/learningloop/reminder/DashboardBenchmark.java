package org.learningloop.reminder;

import java.util.List;
import java.util.function.IntSupplier;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The managers' dashboard as a person signed in sees it, for the county-scale benchmark ({@code
 * org.learningloop.bench}): the real {@link Dashboard} service, behind the same security context
 * the page and the API set.
 */
public final class DashboardBenchmark {

  private DashboardBenchmark() {}

  /**
   * The dashboard of {@code username}, signed in with their roles; answers the open follow-ups it
   * counted.
   */
  public static IntSupplier as(ApplicationContext app, String username) {
    Dashboard dashboard = app.getBean(Dashboard.class);
    Person person = app.getBean(Directory.class).findByUsername(username).orElseThrow();
    List<SimpleGrantedAuthority> authorities =
        person.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    UsernamePasswordAuthenticationToken signedIn =
        UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    return () -> {
      SecurityContextHolder.getContext().setAuthentication(signedIn);
      try {
        return dashboard.view().open();
      } finally {
        SecurityContextHolder.clearContext();
      }
    };
  }
}
