package org.learningloop.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.learningloop.LearningLoopApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * The demo users (password {@code demo}, an administrator among them) exist only on the embedded
 * database: started against MySQL with them switched on, as happens when no profile is set, the
 * application refuses to start, before it touches the database.
 */
class DemoUsersOnlyEmbeddedTest {

  @Test
  void theApplicationRefusesToStartWithDemoUsersOnMySql() {
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(LearningLoopApplication.class)
                    .run(
                        "--spring.datasource.url=jdbc:mysql://127.0.0.1:1/learningloop",
                        "--server.port=0"))
        .hasStackTraceContaining("demo users (password 'demo') are only for the embedded H2");
  }

  @Test
  void demoUsersAreFineOnH2AndNoDemoUsersAreFineAnywhere() {
    DemoDatabaseGuard.check(
        new MockEnvironment()
            .withProperty("learning-loop.demo.users", "true")
            .withProperty("spring.datasource.url", "jdbc:h2:file:./data/learning-loop"));
    DemoDatabaseGuard.check(
        new MockEnvironment()
            .withProperty("learning-loop.demo.users", "false")
            .withProperty("spring.datasource.url", "jdbc:mysql://db/learningloop"));
    assertThatThrownBy(
            () ->
                DemoDatabaseGuard.check(
                    new MockEnvironment()
                        .withProperty("learning-loop.demo.users", "true")
                        .withProperty(
                            "spring.datasource.url", "jdbc:mariadb://user:secret@db/learningloop")))
        .isInstanceOf(IllegalStateException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
  }
}
