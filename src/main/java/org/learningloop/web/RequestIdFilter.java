package org.learningloop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id, put on every log line written while it is served ({@code requestId} in
 * the logging context) and sent back in the {@code X-Request-Id} header, so that a user's report
 * and a proxy's log can be matched with ours. An id sent by a proxy is kept when it looks like one
 * (letters, digits, {@code .}, {@code _}, {@code -}; at most 64); anything else is replaced, so
 * that nobody writes what they like into the logs. Runs before security, so that sign-in lines
 * carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

  public static final String HEADER = "X-Request-Id";
  public static final String MDC_KEY = "requestId";

  private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
  private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // An error page or async dispatch of the same request keeps the id it was given.
    String id = (String) request.getAttribute(ATTRIBUTE);
    if (id == null) {
      String incoming = request.getHeader(HEADER);
      id =
          incoming != null && ACCEPTABLE.matcher(incoming).matches()
              ? incoming
              : UUID.randomUUID().toString();
      request.setAttribute(ATTRIBUTE, id);
    }
    response.setHeader(HEADER, id);
    MDC.put(MDC_KEY, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }

  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }
}
