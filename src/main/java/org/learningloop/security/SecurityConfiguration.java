package org.learningloop.security;

import static org.springframework.security.config.Customizer.withDefaults;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.learningloop.directory.Directory;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Pages sign in with the form at {@code /login}, API clients with HTTP Basic. The engine's REST API
 * ({@code /engine-rest}) and web apps ({@code /camunda}) have a chain of their own, for
 * administrators only: Camunda 7 community gets no more security fixes, so they must never face
 * anyone else.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

  /** Our pages load scripts and styles from our own origin only: no inline script, no eval. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self';"
          + " object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

  /**
   * The engine's REST API and web apps, matched on the decoded path within the application (servlet
   * path + path info). A path pattern matcher would not do: the REST API is its own servlet mapped
   * to {@code /engine-rest/*}, and for such a servlet Spring's parsed request path is the path
   * within that servlet ({@code /engine}), so {@code /engine-rest/**} never matched over real HTTP
   * and the engine fell to the application's chain.
   */
  static final RequestMatcher ENGINE_REST = under("/engine-rest");

  static final RequestMatcher CAMUNDA_WEB_APPS = under("/camunda");

  /**
   * The engine's addresses: administrators only, HTTP Basic accepted (with a problem-details 401
   * and the same lock-out as the sign-in form).
   */
  private static HttpSecurity adminsByBasic(
      HttpSecurity http, ObjectMapper json, LoginThrottle throttle, AccessLog accessLog)
      throws Exception {
    return http.authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
        .httpBasic(
            basic ->
                basic.authenticationEntryPoint(
                    ProblemDetailsSecurityHandlers.unauthenticated(json)))
        .addFilterBefore(
            new LoginThrottleFilter(throttle, accessLog, json), BasicAuthenticationFilter.class);
  }

  private static RequestMatcher under(String prefix) {
    return request -> {
      String path =
          request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
      return path.equals(prefix) || path.startsWith(prefix + "/");
    };
  }

  /**
   * Browser features our pages never use, switched off for them and anything injected into them.
   */
  static final String PERMISSIONS_POLICY =
      "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(),"
          + " usb=()";

  /**
   * bcrypt for new hashes; the {id} prefix lets stronger encoders take over without invalidating
   * old ones.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * The engine's REST API: HTTP Basic on every request, never a session. A browser's session (an
   * administrator signed in to the web apps) is neither read nor created here, so a page on another
   * site cannot make that browser deploy a model (a model can carry expressions that run Java);
   * with no ambient credential there is nothing for a forged request to ride on, so no CSRF token
   * either. The 401 does not ask browsers for a password (see {@link
   * ProblemDetailsSecurityHandlers#unauthenticated}), so none caches Basic credentials for it.
   */
  @Bean
  @Order(1)
  SecurityFilterChain engineRestFilterChain(
      HttpSecurity http, ObjectMapper json, LoginThrottle throttle, AccessLog accessLog)
      throws Exception {
    adminsByBasic(http.securityMatcher(ENGINE_REST), json, throttle, accessLog)
        .securityContext(
            context ->
                context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(
                    ProblemDetailsSecurityHandlers.unauthenticated(json)))
        .csrf(csrf -> csrf.disable())
        .headers(SecurityConfiguration::commonHeaders);
    return http.build();
  }

  /**
   * The engine's web apps (Cockpit, Tasklist, Admin): signed in through our login page (single
   * sign-on, see the workflow module), by session. They set their own Content-Security-Policy and
   * run Camunda's own CSRF filter (the {@code X-XSRF-TOKEN} their scripts send), so Spring's is off
   * here rather than doubled.
   */
  @Bean
  @Order(2)
  SecurityFilterChain engineWebAppsFilterChain(
      HttpSecurity http,
      ObjectMapper json,
      LoginThrottle throttle,
      AccessLog accessLog,
      Directory directory)
      throws Exception {
    adminsByBasic(http.securityMatcher(CAMUNDA_WEB_APPS), json, throttle, accessLog)
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .headers(SecurityConfiguration::commonHeaders);
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain applicationFilterChain(
      HttpSecurity http,
      ObjectMapper json,
      LoginThrottle throttle,
      AccessLog accessLog,
      CouncilSignIn councilSignIn,
      Directory directory,
      SecuritySettings settings)
      throws Exception {
    RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
                    .permitAll()
                    .requestMatchers(EndpointRequest.toAnyEndpoint())
                    .hasRole("ADMIN")
                    // Endpoints that are not exposed answer 404, but only to an admin.
                    .requestMatchers("/actuator", "/actuator/**")
                    .hasRole("ADMIN")
                    .requestMatchers(
                        "/login",
                        "/govuk/**",
                        "/assets/**",
                        "/css/**",
                        "/js/**",
                        "/favicon.ico",
                        "/error")
                    .permitAll()
                    // Also checked on the controllers: two locks on the administrators' door.
                    .requestMatchers("/admin/**", "/api/admin/**")
                    .hasRole("ADMIN")
                    // The auditors' calibration: PI leads only (the council's QA lead is one),
                    // checked on the controllers too.
                    .requestMatchers("/calibration", "/calibration.csv")
                    .hasRole("PI_LEAD")
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").permitAll())
        // Wrong Basic credentials get the problem too, never a challenge a browser would prompt
        // for.
        .httpBasic(
            basic ->
                basic.authenticationEntryPoint(
                    ProblemDetailsSecurityHandlers.unauthenticated(json)))
        .addFilterBefore(
            new LoginThrottleFilter(throttle, accessLog, json),
            UsernamePasswordAuthenticationFilter.class)
        // A person disabled, removed or given other roles loses their session at its next request.
        .addFilterBefore(
            new SessionRevalidationFilter(directory, accessLog), AuthorizationFilter.class)
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        // A new session id at sign-in, so a session id planted before it is worth nothing after.
        .sessionManagement(
            session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
        .exceptionHandling(
            errors ->
                errors
                    .defaultAuthenticationEntryPointFor(
                        ProblemDetailsSecurityHandlers.unauthenticated(json), api)
                    // Explicit default: with a single mapping Spring would use the API's handler
                    // for pages too.
                    .accessDeniedHandler(
                        new RequestMatcherDelegatingAccessDeniedHandler(
                            new LinkedHashMap<>(
                                Map.of(api, ProblemDetailsSecurityHandlers.forbidden(json))),
                            new AccessDeniedHandlerImpl())))
        // API clients authenticate on every request with HTTP Basic and hold no session for a
        // forged request to ride on. A request that brings a session cookie can ride on it, so it
        // must show the CSRF token like a form does, whatever else it carries.
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    new AndRequestMatcher(api, SecurityConfiguration::withoutSession)))
        .headers(
            headers ->
                commonHeaders(headers)
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
    if (councilSignIn.enabled()) {
      OidcDirectoryUserService users =
          new OidcDirectoryUserService(new OidcUserService(), directory, settings.oidc());
      http.oauth2Login(
          oidc ->
              oidc.loginPage("/login")
                  .failureUrl("/login?council-error")
                  .userInfoEndpoint(endpoint -> endpoint.oidcUserService(users)));
    }
    return http.build();
  }

  /**
   * Headers for every response: no MIME sniffing, no framing, no powerful browser features, the
   * referrer only to this site, and HSTS (a year, with sub-domains) on responses that came over
   * TLS, as the proxy reports it (server.forward-headers-strategy).
   */
  private static HeadersConfigurer<HttpSecurity> commonHeaders(
      HeadersConfigurer<HttpSecurity> headers) {
    return headers
        .contentTypeOptions(withDefaults())
        .frameOptions(frame -> frame.deny())
        .httpStrictTransportSecurity(
            hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
  }

  /**
   * No session to ride on: the request names no session (no cookie). An {@code Authorization}
   * header does not exempt a request that also brings a session cookie: a browser may add cached
   * Basic credentials to a forged request by itself.
   */
  static boolean withoutSession(jakarta.servlet.http.HttpServletRequest request) {
    return request.getRequestedSessionId() == null;
  }
}
