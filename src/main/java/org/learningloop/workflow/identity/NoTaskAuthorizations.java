package org.learningloop.workflow.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Writes no authorization per task. With authorization checks on, the engine by default grants
 * every task's assignee and candidate groups rights on that task, for Camunda's Tasklist: a look-up
 * and a write on each task created, assigned or linked, about a fifth of the statements of a
 * follow-up's steps (docs/benchmarks.md). Nobody works in Tasklist here: people use the
 * application's own task lists, and only engine administrators reach the web apps and the REST API,
 * with grants on everything ({@link EngineAdminAuthorizations}).
 */
@Component
class NoTaskAuthorizations extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(
        new DefaultAuthorizationProvider() {
          @Override
          public AuthorizationEntity[] newTask(Task task) {
            return null;
          }

          @Override
          public AuthorizationEntity[] newTaskAssignee(
              Task task, String oldAssignee, String newAssignee) {
            return null;
          }

          @Override
          public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            return null;
          }

          @Override
          public AuthorizationEntity[] newTaskUserIdentityLink(
              Task task, String userId, String type) {
            return null;
          }

          @Override
          public AuthorizationEntity[] newTaskGroupIdentityLink(
              Task task, String groupId, String type) {
            return null;
          }

          @Override
          public AuthorizationEntity[] deleteTaskUserIdentityLink(
              Task task, String userId, String type) {
            return null;
          }

          @Override
          public AuthorizationEntity[] deleteTaskGroupIdentityLink(
              Task task, String groupId, String type) {
            return null;
          }
        });
  }
}
