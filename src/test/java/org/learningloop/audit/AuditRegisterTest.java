package org.learningloop.audit;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The audit register on the embedded default, H2 (the same application context as
 * EmbeddedApplicationTest).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class AuditRegisterTest extends AuditRegisterBehaviour {}
