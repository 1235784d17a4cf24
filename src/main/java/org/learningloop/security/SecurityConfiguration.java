package org.learningloop.security;

import static org.springframework.security.config.Customizer.withDefaults;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Pages sign in with the form at {@code /login}, API clients with HTTP Basic. The engine's REST API ({@code
 * /engine-rest}) and web apps ({@code /camunda}) have a chain of their own, for administrators only: Camunda 7
 * community gets no more security fixes, so they must never face anyone else.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

  /** Our pages load scripts and styles from our own origin only: no inline script, no eval. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self';"
          + " object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * The engine's web apps and REST API. They set their own Content-Security-Policy and run their own CSRF filter;
   * signing in happens on our login page (single sign-on, see the workflow module).
   */
  @Bean
  @Order(1)
  SecurityFilterChain engineFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
    http.securityMatcher("/camunda/**", "/engine-rest/**")
        .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("ADMIN"))
        .httpBasic(withDefaults())
        .exceptionHandling(
            errors ->
                errors
                    .defaultAuthenticationEntryPointFor(
                        ProblemDetailsSecurityHandlers.unauthenticated(json),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                    .defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), PathPatternRequestMatcher.withDefaults().matcher("/camunda/**")))
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain applicationFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
    RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class))
                    .permitAll()
                    .requestMatchers(EndpointRequest.toAnyEndpoint())
                    .hasRole("ADMIN")
                    .requestMatchers("/login", "/govuk/**", "/assets/**", "/css/**", "/js/**", "/favicon.ico", "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(form -> form.loginPage("/login").permitAll())
        .httpBasic(withDefaults())
        .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
        .exceptionHandling(
            errors ->
                errors
                    .defaultAuthenticationEntryPointFor(ProblemDetailsSecurityHandlers.unauthenticated(json), api)
                    // Explicit default: with a single mapping Spring would use the API's handler for pages too.
                    .accessDeniedHandler(
                        new RequestMatcherDelegatingAccessDeniedHandler(
                            new LinkedHashMap<>(Map.of(api, ProblemDetailsSecurityHandlers.forbidden(json))),
                            new AccessDeniedHandlerImpl())))
        // API clients authenticate on every request with HTTP Basic and hold no session to ride on.
        .csrf(csrf -> csrf.ignoringRequestMatchers(api))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }
}
