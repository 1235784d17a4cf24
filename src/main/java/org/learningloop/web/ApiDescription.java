package org.learningloop.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}: what a client generated from it needs. Said once
 * here rather than on every endpoint: how to sign in (HTTP Basic for clients, the session cookie
 * for the browser), the problem details every operation can answer, a tag per module, and the
 * examples of the contracts in PRODUCT.md. Endpoints carry only their summary and description.
 * {@code docs/openapi.json} is the committed copy the build lints and generates the test client
 * from (README "API description").
 */
@Configuration
class ApiDescription {

  static final String BASIC = "basicAuth";
  static final String SESSION = "sessionCookie";
  static final String PROBLEM = "Problem";
  static final String FIELD_ERROR = "FieldError";
  static final String PROBLEM_JSON = "application/problem+json";

  /** One tag per module, named for people; the module is the package under org.learningloop. */
  static final Map<String, Tag> MODULE_TAGS = new LinkedHashMap<>();

  static {
    tag("audit", "Audits", "Record, moderate, import and read case-file audits.");
    tag(
        "followup",
        "Follow-ups",
        "Follow-ups of inadequate audits: allocation, safeguarding check, reflective conversations,"
            + " support and closure. Each step answers with the follow-up as it now stands.");
    tag(
        "reminder",
        "Escalation",
        "Managers' hand escalations and due-date extensions, and their dashboard.");
    tag(
        "reporting",
        "Reports",
        "Judgements, moderation and inadequate analysis of a period, follow-up KPIs, dip samples,"
            + " CSV tables and the committee report's publication.");
    tag(
        "dipsample",
        "Dip samples and actions",
        "Thematic dip samples and the actions set on them or on any audit: set, completed by whoever"
            + " acts for the owner, verified or sent back by the setter or a PI lead, or cancelled.");
    tag("catalogue", "Catalogues", "Contributory factors and support types.");
    tag("workflow", "Tasks", "The signed-in user's task lists.");
    tag("security", "Access log", "Who looked at what: the access log, for administrators.");
    tag(
        "directory",
        "Staff",
        "The people who use Learning Loop, loaded in bulk by administrators.");
  }

  private static void tag(String module, String name, String description) {
    MODULE_TAGS.put(module, new Tag().name(name).description(description));
  }

  @Bean
  OpenAPI learningLoopApi(
      @Value("${learning-loop.version}") String version,
      @Value("${learning-loop.api.contact-name}") String contactName,
      @Value("${learning-loop.api.contact-email}") String contactEmail,
      @Value("${learning-loop.api.contact-url}") String contactUrl,
      @Value("${learning-loop.api.license-name}") String licenseName,
      @Value("${learning-loop.api.license-url}") String licenseUrl) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Learning Loop")
                .version(version)
                .description(
                    "Follow-up of inadequate case-file audits for children's social care quality"
                        + " assurance. JSON in and out; every failure is RFC 9457 problem details"
                        + " (`application/problem+json`), with `errors` naming each field at fault."
                        + " API clients sign in with HTTP Basic on every request; the browser uses"
                        + " its session cookie and must send the CSRF token with every change.")
                .contact(new Contact().name(contactName).email(contactEmail).url(contactUrl))
                .license(new License().name(licenseName).url(licenseUrl)))
        // Relative: a client calls the installation it was given the address of.
        .servers(List.of(new Server().url("/").description("This installation")))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("API clients: user name and password on every request."))
                .addSecuritySchemes(
                    SESSION,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name("JSESSIONID")
                        .description(
                            "The browser, after signing in at /login. A request that changes"
                                + " something must also send the CSRF token (header X-CSRF-TOKEN),"
                                + " as a form does.")))
        .security(securityRequirements());
  }

  /** Either scheme will do. */
  private static List<SecurityRequirement> securityRequirements() {
    return List.of(
        new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(SESSION));
  }

  private static Schema<?> fieldErrorSchema() {
    return new ObjectSchema()
        .description("One field at fault.")
        .addProperty(
            "field",
            new StringSchema()
                .description(
                    "Where: a JSON property or query parameter, or `line N, column` in a file")
                .example("line 3, grade"))
        .addProperty(
            "message",
            new StringSchema().description("What is wrong").example("unknown grade 'SUPERB'"))
        .required(List.of("field", "message"));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description("RFC 9457 problem details.")
        .addProperty(
            "type",
            new StringSchema()
                .format("uri")
                .description("Names the kind of problem")
                .example("https://learningloop.org/problems/invalid-request"))
        .addProperty(
            "title", new StringSchema().description("A short summary").example("Invalid request"))
        .addProperty("status", new IntegerSchema().description("The HTTP status").example(400))
        .addProperty(
            "detail",
            new StringSchema()
                .description("What went wrong, for a person")
                .example("Some fields are missing or wrong; see errors."))
        .addProperty(
            "instance",
            new StringSchema().format("uri-reference").description("The request it is about"))
        .addProperty(
            "errors",
            new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
                .description("Each field at fault, when input was wrong"))
        .required(List.of("type", "title", "status"));
  }

  /**
   * Schema names for nested records say whose they are ({@code AuditSummaryReportMonth}, {@code
   * DipSampleSummaryMonth}): two records of one simple name must not share, and so garble, one
   * schema. A controller's request records drop the "Controller" ({@code FollowUpReason}).
   */
  @Bean
  ModelResolver nestedTypeNames(ObjectMapperProvider mappers) {
    return new ModelResolver(mappers.jsonMapper(), new NestedTypeNames())
        .openapi31(mappers.isOpenapi31());
  }

  static final class NestedTypeNames extends TypeNameResolver {
    @Override
    protected String getNameOfClass(Class<?> cls) {
      Class<?> outer = cls.getEnclosingClass();
      if (outer == null || !cls.getPackageName().startsWith("org.learningloop")) {
        return super.getNameOfClass(cls);
      }
      return getNameOfClass(outer).replaceFirst("Controller$", "") + cls.getSimpleName();
    }
  }

  /** Every API operation gets its module's tag. */
  @Bean
  OperationCustomizer moduleTags() {
    return (operation, handlerMethod) -> {
      String module = module(handlerMethod.getBeanType().getPackageName());
      Tag tag = MODULE_TAGS.get(module);
      operation.setTags(new ArrayList<>(List.of(tag == null ? module : tag.getName())));
      return operation;
    };
  }

  static String module(String packageName) {
    String rest = packageName.replaceFirst("^org\\.learningloop\\.?", "");
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  /**
   * Every {@code /api} operation: the security it needs and the problem details it can answer. A
   * response an endpoint describes itself keeps its words; the schema is filled in.
   */
  @Bean
  OpenApiCustomizer problemsAndSecurity() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      openApi
          .getComponents()
          .addSchemas(FIELD_ERROR, fieldErrorSchema())
          .addSchemas(PROBLEM, problemSchema());
      // One tag per module, as the operations were tagged; nothing declared by hand besides.
      java.util.Set<String> used = new java.util.TreeSet<>();
      openApi
          .getPaths()
          .values()
          .forEach(
              item ->
                  item.readOperations()
                      .forEach(o -> used.addAll(o.getTags() == null ? List.of() : o.getTags())));
      openApi.setTags(
          used.stream()
              .map(
                  name ->
                      MODULE_TAGS.values().stream()
                          .filter(t -> t.getName().equals(name))
                          .findFirst()
                          .orElse(new Tag().name(name)))
              .toList());
      openApi
          .getPaths()
          .forEach(
              (path, item) -> {
                if (!path.startsWith("/api/") && !path.startsWith("/reports/")) {
                  return;
                }
                item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation));
              });
      ApiExamples.addTo(openApi);
    };
  }

  private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
    operation.setSecurity(securityRequirements());
    ApiResponses responses = operation.getResponses();
    boolean hasInput =
        operation.getRequestBody() != null
            || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
    Map<String, String> problems = new TreeMap<>();
    if (!hasInput) {
      responses.remove("400"); // a class-wide 400 does not apply to an operation without input
    }
    if (hasInput) {
      problems.put(
          "400",
          "Invalid request: a parameter or the body is missing, malformed or out of range;"
              + " `errors` names each one.");
    }
    problems.put("401", "Not signed in: no or wrong credentials.");
    problems.put(
        "403",
        "Your role does not allow this"
            + (writes ? ", or a browser session sent no CSRF token." : "."));
    if (path.contains("{")) {
      problems.put("404", "No such thing, or not one you may see.");
    }
    if (writes) {
      problems.put(
          "409",
          "The step does not fit the present state, or someone else changed it at the same"
              + " time.");
    }
    if (operation.getRequestBody() != null) {
      problems.put("415", "The body's content type is not one this operation reads.");
    }
    problems.forEach(
        (status, description) -> {
          ApiResponse response = responses.get(status);
          if (response == null) {
            response = new ApiResponse().description(description);
            responses.addApiResponse(status, response);
          }
          response.setContent(problemContent());
        });
    // Any other 4xx the endpoint declared itself (e.g. 413) is problem details as well.
    responses.forEach(
        (status, response) -> {
          if (status.startsWith("4") || status.startsWith("5")) {
            response.setContent(problemContent());
          }
        });
    sortResponses(operation);
  }

  private static void sortResponses(Operation operation) {
    ApiResponses sorted = new ApiResponses();
    new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
    operation.setResponses(sorted);
  }

  static Content problemContent() {
    return new Content()
        .addMediaType(
            PROBLEM_JSON,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
  }
}
