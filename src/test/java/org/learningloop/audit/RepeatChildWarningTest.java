package org.learningloop.audit;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/** The repeat-child warning on H2 (the same application context as {@link AuditRegisterTest}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class RepeatChildWarningTest extends RepeatChildWarningBehaviour {}
