package org.learningloop.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves GOV.UK Frontend from its webjar under {@code /govuk/}, and its fonts and images under
 * {@code /assets/} where its stylesheet expects them.
 */
@Configuration
class WebConfiguration implements WebMvcConfigurer {

  private final String govukRoot;

  WebConfiguration(@Value("${learning-loop.govuk-frontend-version}") String govukFrontendVersion) {
    this.govukRoot =
        "classpath:/META-INF/resources/webjars/govuk-frontend/"
            + govukFrontendVersion
            + "/dist/govuk/";
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/govuk/**").addResourceLocations(govukRoot);
    registry.addResourceHandler("/assets/**").addResourceLocations(govukRoot + "assets/");
  }
}
