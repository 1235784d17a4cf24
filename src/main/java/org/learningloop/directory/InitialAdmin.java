package org.learningloop.directory;

import org.learningloop.directory.internal.Staff;
import org.learningloop.directory.internal.StaffRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates the first administrator of a new installation; does nothing once anyone is an admin. */
@Component
@Order(0)
class InitialAdmin implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

  private final InitialAdminProperties properties;
  private final StaffRepository staff;
  private final PasswordEncoder passwordEncoder;

  InitialAdmin(
      InitialAdminProperties properties, StaffRepository staff, PasswordEncoder passwordEncoder) {
    this.properties = properties;
    this.staff = staff;
    this.passwordEncoder = passwordEncoder;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!properties.configured() || !staff.findByRole(Role.ADMIN).isEmpty()) {
      return;
    }
    Staff admin =
        staff
            .findByUsername(properties.username())
            .orElseGet(() -> new Staff(properties.username(), properties.email(), "Administrator"));
    admin.grant(Role.ADMIN);
    admin.setPasswordHash(passwordEncoder.encode(properties.password()));
    admin.setEnabled(true);
    staff.save(admin);
    log.info("Created the initial administrator '{}'", admin.getUsername());
  }
}
