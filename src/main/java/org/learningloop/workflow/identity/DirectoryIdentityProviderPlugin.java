package org.learningloop.workflow.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.learningloop.directory.Directory;
import org.springframework.stereotype.Component;

/** Makes the application's directory the engine's only source of users and groups. */
@Component
class DirectoryIdentityProviderPlugin extends AbstractProcessEnginePlugin {

  private final Directory directory;

  DirectoryIdentityProviderPlugin(Directory directory) {
    this.directory = directory;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider.class;
          }

          @Override
          public Session openSession() {
            return new DirectoryIdentityProvider(directory);
          }
        });
  }
}
