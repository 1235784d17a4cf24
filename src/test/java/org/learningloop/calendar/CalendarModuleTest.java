package org.learningloop.calendar;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Jollyday stays inside the calendar: other modules ask the calendar, so the holiday source can
 * change.
 */
@AnalyzeClasses(packages = "org.learningloop", importOptions = ImportOption.DoNotIncludeTests.class)
class CalendarModuleTest {

  @ArchTest
  static final ArchRule onlyTheCalendarKnowsJollyday =
      noClasses()
          .that()
          .resideOutsideOfPackage("org.learningloop.calendar..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("de.focus_shift.jollyday..")
          .because("bank holidays are the calendar module's business");

  @ArchTest
  static final ArchRule theCalendarKnowsNoProcessEngineNorPersistence =
      noClasses()
          .that()
          .resideInAPackage("org.learningloop.calendar..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.camunda..", "jakarta.persistence..", "org.learningloop.workflow..")
          .because("timers and reports call the calendar, not the other way round");
}
