package org.learningloop;

import org.learningloop.support.MariaDb;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The {@code mysql} profile against the real MariaDB, through MySQL Connector/J. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "learning-loop.demo.users=true",
      "learning-loop.demo.allow-external-database=true",
      "learning-loop.mail.drop-folder=target/it-mail"
    })
@AutoConfigureMockMvc
@ActiveProfiles("mysql")
class MariaDbApplicationIT extends ApplicationBehaviour {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    MariaDb.register(registry);
  }
}
