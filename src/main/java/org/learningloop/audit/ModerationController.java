package org.learningloop.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.security.Principal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.Paging;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The moderation queue over HTTP: moderators and PI leads list what waits and draw a month's
 * sample; an audit's practitioner or Team Manager challenges its grade.
 */
@RestController
@ApiResponse(
    responseCode = "400",
    description = "Invalid input; `errors` names every field at fault")
class ModerationController {

  private final ModerationQueue queue;
  private final AuditRegister register;
  private final Directory directory;

  ModerationController(ModerationQueue queue, AuditRegister register, Directory directory) {
    this.queue = queue;
    this.register = register;
    this.directory = directory;
  }

  @Schema(description = "A month to draw, YYYY-MM; it must have ended")
  record DrawRequest(@Schema(example = "2024-01") String month) {}

  @Schema(description = "Why the grade should be reviewed (at most 4,000 characters)")
  record ChallengeRequest(
      @Schema(example = "The plan had timescales; they are in the review of 3 January.")
          String reasons) {}

  @GetMapping("/api/moderation-queue")
  @PreAuthorize("hasAnyRole('MODERATOR','PI_LEAD')")
  @Operation(
      operationId = "listModerationQueue",
      summary = "What waits for a moderator, soonest due first (moderators, PI leads)")
  @ApiResponse(responseCode = "200", description = "A page of the queue")
  ModerationQueue.WaitingPage waiting(
      @Parameter(description = "page number from 0")
          @RequestParam(required = false, defaultValue = "0")
          String page,
      @Parameter(description = "page size, 1 to 200")
          @RequestParam(required = false, defaultValue = "50")
          String size) {
    List<FieldError> errors = new ArrayList<>();
    int p = AuditController.number("page", page, 0, Paging.MAX_PAGE, errors);
    int s = AuditController.number("size", size, 1, Paging.MAX_SIZE, errors);
    if (!errors.isEmpty()) {
      throw AuditProblem.invalidQuery(errors);
    }
    return queue.waiting(p, s);
  }

  @PostMapping(path = "/api/moderation-queue/draws", consumes = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('MODERATOR','PI_LEAD')")
  @Operation(
      operationId = "drawModerationSample",
      summary = "Draw a month's moderation sample by the sampling rule (moderators, PI leads)",
      description =
          "Selects every audit of the month graded as the rule always moderates and the random"
              + " share of each auditor's others; drawing again adds only what is new.")
  @ApiResponse(responseCode = "200", description = "What the draw found and added")
  ModerationQueue.Draw draw(@RequestBody DrawRequest body, Principal principal) {
    return queue.draw(
        month(body == null ? null : body.month()), directory.signedIn(principal).email());
  }

  @PostMapping(path = "/api/audits/{ref}/challenges", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "challengeGrade",
      summary = "Ask for a review of an audit's grade (its practitioner or Team Manager)",
      description =
          "Within the challenge window after the audit; the review joins the moderation queue with"
              + " its own target, and the challenger is told the outcome.")
  @ApiResponse(responseCode = "201", description = "The audit, with the challenge in its queue")
  @ApiResponse(
      responseCode = "404",
      description = "No such audit, or you are not its practitioner or Team Manager")
  @ApiResponse(responseCode = "409", description = "Challenged already, or the window has closed")
  ResponseEntity<AuditView> challenge(
      @PathVariable String ref, @RequestBody ChallengeRequest body, Principal principal) {
    Person me = directory.signedIn(principal);
    queue.challenge(ref, me, body == null ? null : body.reasons());
    return ResponseEntity.created(URI.create("/api/audits/" + ref))
        .body(register.view(ref, AuditScope.of(me)));
  }

  static YearMonth month(String value) {
    try {
      if (value != null && value.strip().matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(value.strip());
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw AuditProblem.invalidQuery(
        List.of(new FieldError("month", "a month as YYYY-MM, for example 2024-01")));
  }
}
