package org.learningloop.workflow.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.learningloop.directory.Role;
import org.springframework.stereotype.Component;

/**
 * Grants the engine administrators' group everything, on every resource, as Camunda's own admin
 * set-up would: the engine checks its queries against stored authorizations, so membership of
 * {@code camunda-admin} alone shows nothing. Idempotent; runs when the engine has been built.
 */
@Component
class EngineAdminAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    for (Resource resource : Resources.values()) {
      boolean present =
          authorizations
                  .createAuthorizationQuery()
                  .groupIdIn(Role.ENGINE_ADMIN_GROUP)
                  .resourceType(resource)
                  .resourceId(Authorization.ANY)
                  .count()
              > 0;
      if (!present) {
        Authorization all = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(Role.ENGINE_ADMIN_GROUP);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(all);
      }
    }
  }
}
