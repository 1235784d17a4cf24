package org.learningloop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain does not know which engine runs it: only the workflow module talks to Camunda. */
@AnalyzeClasses(packages = "org.learningloop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule onlyWorkflowImportsCamunda =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.learningloop.workflow..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.camunda..")
          .because("only the workflow module may know the process engine");
}
