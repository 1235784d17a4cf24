package org.learningloop.audit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A listener of another module, as far as the audit register can tell: it fails for the refs a test
 * names, to prove that listeners run inside the writing transaction and a failure there undoes the
 * write.
 */
@Component
class RollbackProbe {

  static final Set<String> FAIL_FOR = ConcurrentHashMap.newKeySet();

  @EventListener
  void on(AuditBecameInadequate event) {
    if (FAIL_FOR.contains(event.auditRef())) {
      throw new IllegalStateException("Listener failed for " + event.auditRef());
    }
  }
}
