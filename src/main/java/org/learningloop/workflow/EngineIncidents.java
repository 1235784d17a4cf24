package org.learningloop.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The engine's incidents as administrators meet them: a background job (a timer, a reminder, a
 * re-audit request) failed on every retry of its cycle ({@code
 * learning-loop.workflow.job-retry-cycle}) and now waits for a person. Once the cause is fixed, a
 * retry gives the job one more attempt; the incident closes when it succeeds.
 */
@Service
public class EngineIncidents {

  /** The longest message shown: an exception's first words say enough, a stack trace is not. */
  static final int MESSAGE_LIMIT = 300;

  /** One open incident. {@code auditRef} is its process's business key, when it has one. */
  public record OpenIncident(
      String id,
      Instant at,
      String type,
      String process,
      String auditRef,
      String activity,
      String message,
      boolean retryable) {}

  private final RuntimeService runtime;
  private final ManagementService management;

  EngineIncidents(RuntimeService runtime, ManagementService management) {
    this.runtime = runtime;
    this.management = management;
  }

  /** Open incidents, newest first, at most {@code max}. */
  public List<OpenIncident> open(int max) {
    List<Incident> incidents =
        runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, max);
    Set<String> instanceIds =
        incidents.stream()
            .map(Incident::getProcessInstanceId)
            .filter(id -> id != null)
            .collect(Collectors.toSet());
    Map<String, ProcessInstance> instances =
        instanceIds.isEmpty()
            ? Map.of()
            : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
    return incidents.stream()
        .map(
            incident -> {
              ProcessInstance instance = instances.get(incident.getProcessInstanceId());
              return new OpenIncident(
                  incident.getId(),
                  incident.getIncidentTimestamp().toInstant(),
                  incident.getIncidentType(),
                  processKey(incident.getProcessDefinitionId()),
                  instance == null ? null : instance.getBusinessKey(),
                  incident.getActivityId(),
                  shortened(incident.getIncidentMessage()),
                  Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType()));
            })
        .toList();
  }

  public long count() {
    return runtime.createIncidentQuery().count();
  }

  /**
   * Gives the failed job of an incident one more attempt; the job executor runs it at once and the
   * incident closes if it succeeds (or opens again if it fails again).
   */
  public void retry(String incidentId) {
    Incident incident = runtime.createIncidentQuery().incidentId(incidentId).singleResult();
    if (incident == null) {
      throw WorkflowProblem.incidentNotFound(incidentId);
    }
    if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())) {
      throw WorkflowProblem.incidentNotRetryable(incident.getIncidentType());
    }
    management.setJobRetries(incident.getConfiguration(), 1);
  }

  private static String processKey(String processDefinitionId) {
    if (processDefinitionId == null) {
      return null;
    }
    int colon = processDefinitionId.indexOf(':');
    return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
  }

  private static String shortened(String message) {
    if (message == null) {
      return "";
    }
    return message.length() <= MESSAGE_LIMIT
        ? message
        : message.substring(0, MESSAGE_LIMIT - 1) + "…";
  }
}
