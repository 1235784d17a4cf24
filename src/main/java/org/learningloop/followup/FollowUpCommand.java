package org.learningloop.followup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The input of each step a person takes on a follow-up, one record per step, with its rules as Bean
 * Validation constraints: the API binds them from JSON ({@code @RequestBody @Valid}), the pages
 * from their forms ({@code @ModelAttribute @Valid}), and {@link FollowUpCommands} checks them again
 * for any other caller, so each rule is written here once. The messages are sentences a person can
 * act on; the pages show them in the GOV.UK error summary, the API in problem details' {@code
 * errors}.
 */
public sealed interface FollowUpCommand {

  /** A PI officer or lead takes the follow-up from the team queue. */
  record Claim(Boolean jointConversation) implements FollowUpCommand {
    public boolean joint() {
      return Boolean.TRUE.equals(jointConversation);
    }
  }

  /** A PI lead allocates the follow-up to a PI officer. */
  record Allocate(
      @NotBlank(message = "Choose the PI officer") String officer, Boolean jointConversation)
      implements FollowUpCommand {
    public boolean joint() {
      return Boolean.TRUE.equals(jointConversation);
    }
  }

  record Reassign(@NotBlank(message = "Choose the PI officer") String officer)
      implements FollowUpCommand {}

  /**
   * Schedules a conversation, or moves a scheduled one. A conversation lasts from 1 minute to 8
   * hours (480 minutes): this is the one place that says so.
   */
  record Schedule(
      @NotNull(message = "Enter the date of the conversation and the time it starts")
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          LocalDateTime startsAt,
      @NotNull(message = DURATION)
          @Min(value = 1, message = DURATION)
          @Max(value = 480, message = DURATION)
          Integer durationMinutes,
      @NotBlank(message = "Enter the place, or the link of the online meeting")
          @Size(max = 500, message = "Enter a place or link of at most 500 characters")
          String location)
      implements FollowUpCommand {
    static final String DURATION = "Enter how long it lasts in minutes, from 1 to 480";
  }

  record Held(
      @NotBlank(message = "Enter the notes of the conversation")
          @Size(max = 4000, message = "Enter notes of at most 4000 characters")
          String notes,
      @NotBlank(message = "Enter the learning points")
          @Size(max = 4000, message = "Enter learning points of at most 4000 characters")
          String learningPoints)
      implements FollowUpCommand {}

  /** Why something did not happen or is undone: a conversation not held, support declined… */
  record Reason(
      @NotBlank(message = "Enter the reason")
          @Size(max = 1000, message = "Enter a reason of at most 1000 characters")
          String reason)
      implements FollowUpCommand {}

  record OfferSupport(
      @NotBlank(message = "Choose the type of support") String type,
      @Size(max = 1000, message = "Enter details of at most 1000 characters") String description,
      @NotNull(message = "Choose who the support is for") SupportOwner owner,
      @NotNull(message = "Enter the date the support is due")
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate dueDate)
      implements FollowUpCommand {}

  record ReAudit(@NotBlank(message = "Enter the reference of the re-audit") String auditRef)
      implements FollowUpCommand {}
}
