package org.learningloop.web;

import java.security.Principal;
import java.util.Arrays;
import org.learningloop.directory.Directory;
import org.learningloop.directory.Person;
import org.learningloop.directory.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in person's landing page: who they are and what they do here. */
@Controller
class HomeController {

  private final Directory directory;

  HomeController(Directory directory) {
    this.directory = directory;
  }

  @GetMapping("/")
  String home(Principal principal, Model model) {
    Person person = directory.signedIn(principal);
    model.addAttribute("person", person);
    model.addAttribute("roles", Arrays.stream(Role.values()).filter(person::hasRole).toList());
    return "home";
  }
}
