package org.learningloop.dipsample;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The input of each step on an action, one record per step, with its rules as Bean Validation
 * constraints: bound by the API ({@code @RequestBody @Valid}) and the pages, and checked again by
 * {@link Actions} for any other caller.
 */
public sealed interface ActionCommand {

  /**
   * An auditor or PI lead sets an action.
   *
   * @param source a dip sample's ref or an audit's ref
   * @param owner the owner's email (practitioner, Team Manager), the team's or service area's name,
   *     or the partner's name
   * @param contact for a partner: the email of the member of staff who acts for it
   * @param dueDate a working day, not in the past
   */
  record Set(
      @NotBlank(message = "Enter the dip sample or audit the action is on") String source,
      @NotNull(
              message =
                  "Choose who owns the action: a practitioner, a Team Manager, a team, a service area or a partner")
          ActionOwnerType ownerType,
      @NotBlank(message = "Enter the owner")
          @Size(max = 300, message = "Enter an owner of at most 300 characters")
          String owner,
      @Size(max = 254, message = "Enter a contact of at most 254 characters") String contact,
      @NotBlank(message = "Enter what is to be done")
          @Size(max = 2000, message = "Enter a description of at most 2000 characters")
          String description,
      @NotNull(message = "Enter the date the action is due")
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate dueDate)
      implements ActionCommand {}

  /** The owner records what was done. */
  record Complete(
      @NotBlank(message = "Enter what was done")
          @Size(max = 4000, message = "Enter evidence of at most 4000 characters")
          String evidence)
      implements ActionCommand {}

  /** Why an action is sent back or cancelled. */
  record Reason(
      @NotBlank(message = "Enter the reason")
          @Size(max = 1000, message = "Enter a reason of at most 1000 characters")
          String reason)
      implements ActionCommand {}
}
