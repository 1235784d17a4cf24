package org.learningloop.support;

import static org.mockito.Mockito.mock;

import java.util.Optional;
import org.learningloop.audit.AuditLookup;
import org.learningloop.catalogue.Catalogues;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stand-ins, for the tests only, for the faces of modules built on other branches (the audit register and the
 * catalogues): each gives way as soon as the real bean exists. Picked up by every
 * {@code @SpringBootTest}'s component scan; tests that care replace them with {@code @MockitoBean}.
 */
@Configuration(proxyBeanMethods = false)
public class ParallelModuleStandIns {

  @Bean
  @ConditionalOnMissingBean
  AuditLookup standInAuditLookup() {
    return ref -> Optional.empty();
  }

  @Bean
  @ConditionalOnMissingBean
  Catalogues standInCatalogues() {
    return mock(Catalogues.class);
  }
}
