package org.learningloop.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.time.Clock;
import org.learningloop.common.Paging;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The access log for administrators' tools: newest first, paged. Reading it is itself recorded. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class AccessLogController {

  private final AccessLog accessLog;
  private final Clock clock;

  AccessLogController(AccessLog accessLog, Clock clock) {
    this.accessLog = accessLog;
    this.clock = clock;
  }

  @GetMapping("/api/admin/access-log")
  @Operation(
      operationId = "searchAccessLog",
      summary = "Search the access log, newest first, paged (administrators)",
      description =
          "from and to are dates (YYYY-MM-DD) or instants; reading the log is itself recorded.")
  AccessLog.Page search(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String user,
      @RequestParam(required = false) String resourceType,
      @RequestParam(required = false) String resourceId,
      @RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(AccessLog.MAX_PAGE_SIZE) int size,
      Principal principal) {
    AccessLog.Filter filter =
        new AccessLogQuery(from, to, user, resourceType, resourceId).toFilterOrThrow(clock);
    AccessLog.Page found = accessLog.search(filter, page, size);
    accessLog.record(principal, "VIEW", "ACCESS_LOG", null);
    return found;
  }
}
