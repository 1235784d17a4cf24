package org.learningloop.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.learningloop.audit.AuditRegister;
import org.learningloop.directory.Role;
import org.learningloop.support.TestAudits;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The engine's attack surface, shut: REST API and web apps for admins only, authorization checks
 * on, no Java serialisation, no expressions in queries, no XML external entities, no unbounded
 * result lists, and history removed by removal time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class EngineHardeningTest {

  /** A java.util.ArrayList, serialised by Java: what a gadget-chain attack would send instead. */
  private static final String JAVA_SERIALIZED_LIST =
      "rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0eIHSHZnHYZ0DAAFJAARzaXpleHAAAAAAdwQAAAAAeA==";

  @Autowired ProcessEngine engine;
  @Autowired AuditRegister audits;
  @Autowired Clock clock;
  @Autowired TestRestTemplate http;

  /** An inadequate audit starts its follow-up process, as in real use; its process instance id. */
  private String followUpProcess() {
    String ref = TestAudits.inadequate(audits, LocalDate.now(clock), "HARDEN", List.of("PLANNING"));
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(FollowUpProcess.KEY)
        .processInstanceBusinessKey(ref)
        .singleResult()
        .getId();
  }

  private <T> T as(String user, List<String> groups, Supplier<T> work) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void anEngineUserWithoutAuthorizationsSeesNothing() {
    followUpProcess();
    var repository = engine.getRepositoryService();
    var runtime = engine.getRuntimeService();
    var history = engine.getHistoryService();

    assertThat(
            as(
                "practitioner",
                List.of("practitioner"),
                () -> repository.createProcessDefinitionQuery().count()))
        .isZero();
    assertThat(
            as(
                "practitioner",
                List.of("practitioner"),
                () -> runtime.createProcessInstanceQuery().count()))
        .isZero();
    assertThat(
            as(
                "practitioner",
                List.of("practitioner"),
                () -> history.createHistoricProcessInstanceQuery().count()))
        .isZero();
    // A group that is never a task's candidate: the engine grants a candidate group (the auditors,
    // for the demo story's re-audits) read access to the tasks offered to it.
    assertThat(
            as(
                "moderator",
                List.of("moderator"),
                () -> engine.getTaskService().createTaskQuery().count()))
        .isZero();

    // The same queries as an engine admin do find them: the checks, not an empty engine, hid them.
    List<String> admins = List.of(Role.ENGINE_ADMIN_GROUP);
    assertThat(as("admin", admins, () -> repository.createProcessDefinitionQuery().count()))
        .isPositive();
    assertThat(as("admin", admins, () -> runtime.createProcessInstanceQuery().count()))
        .isPositive();
  }

  @Test
  void restApiRefusesEveryoneButAdminsOverRealHttp() {
    assertThat(http.getForEntity("/engine-rest/engine", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(statusOf("pi-lead", "/engine-rest/engine")).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(statusOf("pi-lead", "/engine-rest/process-definition?maxResults=5"))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(statusOf("admin", "/engine-rest/engine")).isEqualTo(HttpStatus.OK);
  }

  @Test
  void javaSerialisedVariablesAreRefused() {
    String instance = followUpProcess();
    var runtime = engine.getRuntimeService();

    assertThatThrownBy(
            () ->
                runtime.setVariable(
                    instance,
                    "payload",
                    Variables.serializedObjectValue(JAVA_SERIALIZED_LIST)
                        .objectTypeName("java.util.ArrayList")
                        .serializationDataFormat(Variables.SerializationDataFormats.JAVA)
                        .create()))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("serialization");

    String body =
        """
        {"value":"%s","type":"Object",
         "valueInfo":{"objectTypeName":"java.util.ArrayList","serializationDataFormat":"application/x-java-serialized-object"}}
        """
            .formatted(JAVA_SERIALIZED_LIST);
    var response =
        http.withBasicAuth("admin", "demo")
            .exchange(
                "/engine-rest/process-instance/" + instance + "/variables/payload",
                HttpMethod.PUT,
                json(body),
                String.class);
    assertThat(response.getStatusCode().is2xxSuccessful())
        .as("status %s", response.getStatusCode())
        .isFalse();
    assertThat(runtime.getVariable(instance, "payload")).isNull();
  }

  @Test
  void expressionsInAdHocQueriesAreRefused() {
    var response =
        adHocTaskQuery("{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}");
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody()).contains("Expressions are forbidden");

    var control = adHocTaskQuery("{\"orQueries\":[{\"assignee\":\"pi-officer\"}]}");
    assertThat(control.getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .createTaskQuery()
                    .or()
                    .taskAssigneeExpression("${currentUser()}")
                    .endOr()
                    .list())
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Expressions are forbidden");
  }

  /** The status of a GET of {@code path} with HTTP Basic as {@code user}. */
  private HttpStatusCode statusOf(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class).getStatusCode();
  }

  /** The admin's ad hoc task query through the REST API, its body {@code query}. */
  private ResponseEntity<String> adHocTaskQuery(String query) {
    return http.withBasicAuth("admin", "demo")
        .postForEntity("/engine-rest/task?firstResult=0&maxResults=10", json(query), String.class);
  }

  @Test
  void bpmnWithAnExternalEntityIsRefusedOnDeployment() {
    String model =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        %s
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://learningloop.org/test">
          <process id="Process_%s" isExecutable="true" camunda:historyTimeToLive="P1D" name="%s">
            <startEvent id="StartEvent_Only"/>
          </process>
        </definitions>
        """;
    var repository = engine.getRepositoryService();

    assertThatThrownBy(
            () ->
                repository
                    .createDeployment()
                    .addString(
                        "xxe.bpmn",
                        model.formatted(
                            "<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>",
                            "Xxe",
                            "&secret;"))
                    .deploy())
        .isInstanceOf(ProcessEngineException.class);
    assertThat(
            repository.createProcessDefinitionQuery().processDefinitionKey("Process_Xxe").count())
        .isZero();

    // The same model without the entity deploys: it was the entity that was refused.
    var deployment =
        repository
            .createDeployment()
            .addString("plain.bpmn", model.formatted("", "Plain", "Plain"))
            .deploy();
    try {
      assertThat(
              repository
                  .createProcessDefinitionQuery()
                  .processDefinitionKey("Process_Plain")
                  .count())
          .isOne();
    } finally {
      repository.deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void unboundedResultListsAreRefused() {
    var unbounded =
        http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/task", String.class);
    assertThat(unbounded.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unbounded.getBody()).contains("unbound number of results");

    var paged =
        http.withBasicAuth("admin", "demo")
            .getForEntity("/engine-rest/task?firstResult=0&maxResults=50", String.class);
    assertThat(paged.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void historyIsRemovedByRemovalTimeInANightlyWindow() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
  }

  private static HttpEntity<String> json(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  @Test
  void expressionsInATaskFiltersOrQueriesAreRefusedWhenSavedOrExecuted() {
    var filters = engine.getFilterService();
    var tasks = engine.getTaskService();
    org.camunda.bpm.engine.filter.Filter withExpression =
        filters
            .newTaskFilter("or-expression")
            .setQuery(
                tasks.createTaskQuery().or().taskAssigneeExpression("${currentUser()}").endOr());
    assertThatThrownBy(() -> filters.saveFilter(withExpression))
        .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class)
        .hasMessageContaining("'or' queries");

    var plain =
        filters.saveFilter(filters.newTaskFilter("plain").setQuery(tasks.createTaskQuery()));
    try {
      assertThatThrownBy(
              () ->
                  filters.listPage(
                      plain.getId(),
                      tasks
                          .createTaskQuery()
                          .or()
                          .taskAssigneeExpression("${currentUser()}")
                          .endOr(),
                      0,
                      10))
          .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class);
      assertThatThrownBy(
              () ->
                  filters.count(
                      plain.getId(),
                      tasks
                          .createTaskQuery()
                          .or()
                          .taskAssigneeExpression("${currentUser()}")
                          .endOr()))
          .isInstanceOf(org.camunda.bpm.engine.BadUserRequestException.class);
      // The same filter extended without an expression runs: the expression was refused.
      assertThat(
              filters.listPage(
                  plain.getId(),
                  tasks.createTaskQuery().or().taskAssignee("pi-officer").endOr(),
                  0,
                  10))
          .isNotNull();
    } finally {
      filters.deleteFilter(plain.getId());
    }
  }
}
