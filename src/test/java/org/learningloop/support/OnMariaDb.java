package org.learningloop.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application on MariaDB ({@link MariaDb}), as every database-facing test (*IT) runs it. Each
 * carries this and declares nothing else about its application, so Spring's test context cache
 * starts the application once for all of them; only a test that replaces beans (mocks, spies) gets
 * its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"learning-loop.demo.users=true", "learning-loop.mail.drop-folder=target/it-mail"})
@AutoConfigureMockMvc
@ActiveProfiles("mysql")
@ContextConfiguration(initializers = MariaDb.Connection.class)
public @interface OnMariaDb {}
