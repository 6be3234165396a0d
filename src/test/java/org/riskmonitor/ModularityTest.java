package org.riskmonitor;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The feature packages under org.riskmonitor depend on each other one way only, so each can be
 * read, changed and tested from the packages below it. Read from the compiled classes, so it also
 * sees what no import line shows (a type reached through a method's return value); constants
 * inlined by the compiler are the one thing it cannot see.
 */
@AnalyzeClasses(packages = "org.riskmonitor", importOptions = ImportOption.DoNotIncludeTests.class)
class ModularityTest {

  @ArchTest
  static final ArchRule featurePackagesHaveNoCycle = slices().matching("org.riskmonitor.(*)..")
      .as("feature packages").should().beFreeOfCycles();
}
