package org.learningloop.workflow.tasks;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.learningloop.common.DomainException;
import org.learningloop.common.PageForms;
import org.learningloop.common.Paging;
import org.learningloop.common.UkDates;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.followup.FollowUpCommand;
import org.learningloop.followup.FollowUpCommands;
import org.learningloop.followup.PageOf;
import org.learningloop.workflow.FollowUpProcess;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /tasks}: the signed-in user's task lists (mine, team queue, overdue, due this week) as
 * links that work without JavaScript, sortable and paged, with claim and give-back buttons. Every
 * button posts and redirects back.
 */
@Controller
class TaskListPageController {

  static final int PAGE_SIZE = 25;

  /** A task due within this time is "due soon". */
  static final Duration DUE_SOON = Duration.ofDays(2);

  private final OpenTasks tasks;
  private final TaskClaims claims;
  private final FollowUpCommands followUps;
  private final Directory directory;
  private final Clock clock;

  TaskListPageController(
      OpenTasks tasks,
      TaskClaims claims,
      FollowUpCommands followUps,
      Directory directory,
      Clock clock) {
    this.tasks = tasks;
    this.claims = claims;
    this.followUps = followUps;
    this.directory = directory;
    this.clock = clock;
  }

  /** One tab of the task list. */
  record Tab(String parameter, String label, boolean current) {}

  /**
   * One row, ready to show: the due date as text, its status as words (never colour alone), and
   * which buttons it gets.
   */
  record Row(
      TaskView task,
      String due,
      String status,
      String tagClass,
      boolean claimFollowUp,
      boolean claimTask,
      boolean giveBack) {}

  @GetMapping("/tasks")
  String list(
      @RequestParam(defaultValue = "mine") String view,
      @RequestParam(defaultValue = "natural") String sort,
      @RequestParam(defaultValue = "0") String page,
      Principal principal,
      Model model) {
    Person me = directory.signedIn(principal);
    TaskListView which = TaskListView.fromParameter(view).orElse(TaskListView.MINE);
    TaskSort order = TaskSort.fromParameter(sort).orElse(TaskSort.NATURAL);
    int pageNumber = pageNumber(page);
    PageOf<TaskView> found =
        tasks.list(which, me.username(), me.groupIds(), order, pageNumber, PAGE_SIZE);
    Instant now = clock.instant();
    boolean piStaff = me.roles().stream().anyMatch(r -> r.isPracticeImprovement());
    List<Row> rows = found.content().stream().map(t -> row(t, now, me, piStaff)).toList();
    model.addAttribute(
        "tabs",
        List.of(
            new Tab("mine", "Mine", which == TaskListView.MINE),
            new Tab("team", "Team queue", which == TaskListView.TEAM),
            new Tab("overdue", "Overdue", which == TaskListView.OVERDUE),
            new Tab("due-this-week", "Due this week", which == TaskListView.DUE_THIS_WEEK)));
    model.addAttribute("view", which.parameter());
    model.addAttribute(
        "viewLabel",
        switch (which) {
          case MINE -> "Your tasks";
          case TEAM -> "Your team's queue";
          case OVERDUE -> "Overdue tasks";
          case DUE_THIS_WEEK -> "Tasks due this week";
        });
    model.addAttribute("sort", order.parameter());
    model.addAttribute("rows", rows);
    model.addAttribute("page", found);
    model.addAttribute("showAssignee", which != TaskListView.MINE);
    return "tasks/list";
  }

  @PostMapping("/tasks/follow-ups/{id}/claim")
  @PreAuthorize("hasAnyRole('PI_LEAD','PI_OFFICER')")
  String claimFollowUp(
      @PathVariable long id,
      @RequestParam(defaultValue = "team") String view,
      @RequestParam(defaultValue = "natural") String sort,
      Principal principal,
      RedirectAttributes redirect) {
    PageForms.flash(
        redirect,
        "You have claimed the follow-up: it is in your tasks now",
        () -> followUps.claim(id, principal.getName(), new FollowUpCommand.Claim(false)));
    return back(view, sort);
  }

  @PostMapping("/tasks/{taskId}/claim")
  String claim(
      @PathVariable String taskId,
      @RequestParam(defaultValue = "team") String view,
      @RequestParam(defaultValue = "natural") String sort,
      Principal principal,
      RedirectAttributes redirect) {
    PageForms.flash(
        redirect,
        "You have claimed the task: it is in your tasks now",
        () -> claims.claim(taskId, principal.getName(), directory.signedIn(principal).groupIds()));
    return back(view, sort);
  }

  @PostMapping("/tasks/{taskId}/unclaim")
  String unclaim(
      @PathVariable String taskId,
      @RequestParam(defaultValue = "mine") String view,
      @RequestParam(defaultValue = "natural") String sort,
      Principal principal,
      RedirectAttributes redirect) {
    PageForms.flash(
        redirect,
        "You have given the task back to the team queue",
        () -> claims.unclaim(taskId, principal.getName()));
    return back(view, sort);
  }

  @ExceptionHandler(DomainException.class)
  ModelAndView problem(DomainException e) {
    return PageForms.errorPage(e);
  }

  private Row row(TaskView t, Instant now, Person me, boolean piStaff) {
    String due =
        t.dueAt() == null
            ? "No due date"
            : UkDates.SHORT_DAY.format(t.dueAt().atZone(clock.getZone()));
    String status;
    String tag;
    if (t.dueAt() == null) {
      status = "No due date";
      tag = "govuk-tag--grey";
    } else if (t.overdue()) {
      status = "Overdue";
      tag = "govuk-tag--red";
    } else if (t.dueAt().isBefore(now.plus(DUE_SOON))) {
      status = "Due soon";
      tag = "govuk-tag--yellow";
    } else {
      status = "On track";
      tag = "govuk-tag--green";
    }
    boolean unassigned = t.assignee() == null;
    boolean claimFollowUp =
        unassigned
            && piStaff
            && t.followUpId() != null
            && FollowUpProcess.Elements.Task_AllocateFollowUp.equals(t.taskKey());
    boolean claimTask =
        unassigned
            && TaskClaims.CLAIMABLE.contains(t.taskKey())
            && me.groupIds().contains(t.candidateGroup());
    boolean giveBack =
        me.username().equals(t.assignee()) && TaskClaims.CLAIMABLE.contains(t.taskKey());
    return new Row(t, due, status, tag, claimFollowUp, claimTask, giveBack);
  }

  /**
   * Back to the list and order the person was looking at; only known values go into the address.
   */
  private static String back(String view, String sort) {
    return "redirect:/tasks?view="
        + TaskListView.fromParameter(view).orElse(TaskListView.MINE).parameter()
        + "&sort="
        + TaskSort.fromParameter(sort).orElse(TaskSort.NATURAL).parameter();
  }

  /** Out of the limits or not a number: the first page (the links only ever give good ones). */
  private static int pageNumber(String page) {
    return Paging.parsePage(page).orElse(0);
  }
}
