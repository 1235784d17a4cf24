package org.learningloop.workflow;

import java.time.Clock;
import org.learningloop.common.PageForms;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The engine's open incidents for administrators, with a retry for each failed job. */
@Controller
@RequestMapping("/admin/incidents")
@PreAuthorize("hasRole('ADMIN')")
class IncidentsPageController {

  static final int SHOWN = 200;

  private final EngineIncidents incidents;
  private final Clock clock;

  IncidentsPageController(EngineIncidents incidents, Clock clock) {
    this.incidents = incidents;
    this.clock = clock;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("incidents", incidents.open(SHOWN));
    model.addAttribute("total", incidents.count());
    model.addAttribute("zone", clock.getZone());
    return "admin/incidents";
  }

  @PostMapping("/{id}/retry")
  String retry(@PathVariable String id, RedirectAttributes redirect) {
    PageForms.flash(
        redirect,
        "The job will run again now; the incident closes when it succeeds",
        () -> incidents.retry(id));
    return "redirect:/admin/incidents";
  }
}
