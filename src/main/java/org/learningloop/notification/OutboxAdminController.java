package org.learningloop.notification;

import java.time.Clock;
import java.util.List;
import org.learningloop.common.Paging;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The outbox for administrators: what was sent, what waits, what failed, and a retry for a failed
 * message.
 */
@Controller
@RequestMapping("/admin/outbox")
@PreAuthorize("hasRole('ADMIN')")
class OutboxAdminController {

  static final int PAGE_SIZE = 50;

  private final Outbox outbox;
  private final Clock clock;

  OutboxAdminController(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) OutboxMessage.Status status,
      @RequestParam(defaultValue = "0") String page,
      Model model) {
    // A page number out of the limits (or not a number) shows the first page, as on the task list.
    int current = Paging.parsePage(page).orElse(0);
    List<OutboxMessage> rows =
        outbox.list(status, Math.toIntExact(Paging.offset(current, PAGE_SIZE)), PAGE_SIZE + 1);
    model.addAttribute("messages", rows.size() > PAGE_SIZE ? rows.subList(0, PAGE_SIZE) : rows);
    model.addAttribute("hasNext", rows.size() > PAGE_SIZE);
    model.addAttribute("page", current);
    model.addAttribute("status", status);
    model.addAttribute("statuses", OutboxMessage.Status.values());
    model.addAttribute("counts", outbox.countByStatus());
    return "admin/outbox";
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model) {
    model.addAttribute("message", message(id));
    return "admin/outbox-message";
  }

  @PostMapping("/{id}/retry")
  String retry(@PathVariable long id, RedirectAttributes redirect) {
    OutboxMessage message = message(id);
    if (outbox.retry(id, clock.instant())) {
      redirect.addFlashAttribute("notice", "Email " + id + " will be sent again at the next poll.");
    } else {
      redirect.addFlashAttribute(
          "notice",
          "Email "
              + id
              + " is "
              + message.status().name().toLowerCase()
              + ", not failed: nothing to retry.");
    }
    return "redirect:/admin/outbox/" + id;
  }

  /** The pages show times against the clock and in its zone. */
  @ModelAttribute
  void clock(Model model) {
    model.addAttribute("now", clock.instant());
    model.addAttribute("zone", clock.getZone());
  }

  private OutboxMessage message(long id) {
    return outbox.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
