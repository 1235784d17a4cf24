package org.learningloop;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(LearningLoopApplication.class);

  @Test
  void modulesHaveNoCyclesAndUseOnlyEachOthersFaces() {
    MODULES.verify();
  }
}
