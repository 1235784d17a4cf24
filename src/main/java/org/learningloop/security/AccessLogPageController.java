package org.learningloop.security;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The access log page for administrators: a filter form and the entries, newest first, 50 a page.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AccessLogPageController {

  static final int PAGE_SIZE = 50;

  private final AccessLog accessLog;
  private final Clock clock;

  AccessLogPageController(AccessLog accessLog, Clock clock) {
    this.accessLog = accessLog;
    this.clock = clock;
  }

  @GetMapping("/admin/access-log")
  String page(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String resourceType,
      @RequestParam(required = false) String resourceId,
      @RequestParam(defaultValue = "0") String page,
      Principal principal,
      Model model) {
    AccessLogQuery query = new AccessLogQuery(from, to, user, resourceType, resourceId);
    List<FieldError> errors = new ArrayList<>();
    AccessLog.Filter filter = query.toFilter(clock, errors);
    int pageNumber = pageNumber(page, errors);
    model.addAttribute("query", query);
    model.addAttribute("errors", errors);
    model.addAttribute("zone", clock.getZone());
    if (errors.isEmpty()) {
      model.addAttribute("result", accessLog.search(filter, pageNumber, PAGE_SIZE));
      accessLog.record(principal, "VIEW", "ACCESS_LOG", null);
    }
    return "admin/access-log";
  }

  private static int pageNumber(String page, List<FieldError> errors) {
    return Paging.parsePage(page)
        .orElseGet(
            () -> {
              errors.add(Paging.pageError());
              return 0;
            });
  }
}
