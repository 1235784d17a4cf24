package org.learningloop.web;

import org.learningloop.security.CouncilSignIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

  private final CouncilSignIn councilSignIn;

  LoginController(CouncilSignIn councilSignIn) {
    this.councilSignIn = councilSignIn;
  }

  /**
   * The sign-in page. {@code locked} carries the minutes a lock-out has left; only a number is
   * shown, whatever the address says.
   */
  @GetMapping("/login")
  String login(@RequestParam(name = "locked", required = false) String locked, Model model) {
    councilSignIn.startUrl().ifPresent(url -> model.addAttribute("councilSignInUrl", url));
    if (locked != null) {
      model.addAttribute("lockedMinutes", minutes(locked));
    }
    return "login";
  }

  private static long minutes(String value) {
    try {
      return Math.min(Math.max(Long.parseLong(value.strip()), 1), 24 * 60);
    } catch (NumberFormatException e) {
      return 15;
    }
  }
}
