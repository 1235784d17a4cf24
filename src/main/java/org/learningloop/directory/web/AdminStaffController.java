package org.learningloop.directory.web;

import java.util.Arrays;
import java.util.List;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.common.PageForms;
import org.learningloop.directory.Directory;
import org.learningloop.directory.DirectoryProblem;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.learningloop.directory.StaffAdministration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * People, teams and service areas, for administrators. Every form posts, then redirects (so a
 * reload or the back button never submits twice); invalid input re-shows the form with the GOV.UK
 * error summary.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AdminStaffController {

  private final Directory directory;
  private final StaffAdministration administration;

  AdminStaffController(Directory directory, StaffAdministration administration) {
    this.directory = directory;
    this.administration = administration;
  }

  @GetMapping("/admin")
  String admin() {
    return "admin/index";
  }

  @GetMapping("/admin/users")
  String users(Model model) {
    model.addAttribute("people", directory.everyone());
    return "admin/users";
  }

  @GetMapping("/admin/users/new")
  String newUser(Model model) {
    return userForm(model, new StaffForm(), null, List.of());
  }

  @PostMapping("/admin/users")
  String create(@ModelAttribute("form") StaffForm form, Model model, RedirectAttributes redirect) {
    try {
      Person created = administration.create(form.toDetails());
      redirect.addFlashAttribute("saved", created.displayName() + " has been added");
      return "redirect:/admin/users/" + created.id();
    } catch (DirectoryProblem problem) {
      return userForm(model, form, null, problem.errors());
    }
  }

  @GetMapping("/admin/users/{id}")
  String editUser(@PathVariable Long id, Model model) {
    Person person = administration.get(id);
    return userForm(model, StaffForm.of(person), person, List.of());
  }

  @PostMapping("/admin/users/{id}")
  String update(
      @PathVariable Long id,
      @ModelAttribute("form") StaffForm form,
      Model model,
      RedirectAttributes redirect) {
    Person person = administration.get(id);
    try {
      administration.update(id, form.toDetails());
      redirect.addFlashAttribute(
          "saved", "Changes to " + form.getDisplayName() + " have been saved");
      return "redirect:/admin/users/" + id;
    } catch (DirectoryProblem problem) {
      form.setUsername(person.username());
      return userForm(model, form, person, problem.errors());
    }
  }

  @PostMapping("/admin/users/{id}/password")
  String setPassword(
      @PathVariable Long id,
      @RequestParam(defaultValue = "") String password,
      Model model,
      RedirectAttributes redirect) {
    Person person = administration.get(id);
    try {
      administration.setPassword(id, password);
      redirect.addFlashAttribute(
          "saved", "A new password has been set for " + person.displayName());
      return "redirect:/admin/users/" + id;
    } catch (DirectoryProblem problem) {
      return userForm(model, StaffForm.of(person), person, problem.errors());
    }
  }

  @GetMapping("/admin/teams")
  String teams(Model model) {
    return teamsPage(model, List.of(), "", null, "");
  }

  @PostMapping("/admin/teams")
  String createTeam(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) Long serviceAreaId,
      Model model,
      RedirectAttributes redirect) {
    try {
      administration.createTeam(name, serviceAreaId);
      redirect.addFlashAttribute("saved", "Team " + name.strip() + " has been added");
      return "redirect:/admin/teams";
    } catch (DirectoryProblem problem) {
      return teamsPage(model, problem.errors(), name, serviceAreaId, "");
    }
  }

  @PostMapping("/admin/service-areas")
  String createServiceArea(
      @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect) {
    try {
      administration.createServiceArea(name);
      redirect.addFlashAttribute("saved", "Service area " + name.strip() + " has been added");
      return "redirect:/admin/teams";
    } catch (DirectoryProblem problem) {
      List<FieldError> errors =
          problem.errors().stream().map(e -> new FieldError("areaName", e.message())).toList();
      return teamsPage(model, errors, "", null, name);
    }
  }

  private String userForm(Model model, StaffForm form, Person person, List<FieldError> errors) {
    model.addAttribute("form", form);
    model.addAttribute("person", person);
    model.addAttribute("allRoles", Arrays.asList(Role.values()));
    model.addAttribute("teams", administration.teams());
    model.addAttribute("serviceAreas", administration.serviceAreas());
    PageForms.errors(model, errors);
    return "admin/user-form";
  }

  private String teamsPage(
      Model model, List<FieldError> errors, String name, Long serviceAreaId, String areaName) {
    model.addAttribute("teams", administration.teams());
    model.addAttribute("serviceAreas", administration.serviceAreas());
    PageForms.errors(model, errors);
    model.addAttribute("name", name);
    model.addAttribute("serviceAreaId", serviceAreaId);
    model.addAttribute("areaName", areaName);
    return "admin/teams";
  }

  /** A person who does not exist (an old link, a typed address): the error page, not a 500. */
  @ExceptionHandler(DirectoryProblem.class)
  ModelAndView problem(DirectoryProblem e) {
    return PageForms.errorPage(e);
  }
}
