package org.riskmonitor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The demo's people (password "demo"), cases and case walker come with the embedded default only:
 * a production server on the mysql profile, read from the same configuration files, has none of them.
 */
class DemoOffInProductionTest {

  /** application.yaml and the active profile's file, as the server reads them. */
  private final ApplicationContextRunner configuration = new ApplicationContextRunner()
      .withInitializer(new ConfigDataApplicationContextInitializer());

  @Test
  void productionHasNoDemoPeopleCasesOrWalker() {
    configuration.withPropertyValues("spring.profiles.active=mysql")
        .withUserConfiguration(DemoPeople.class, DemoData.class, CaseWalker.class, CatalogueRoundWalker.class)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(DemoPeople.class)
            .doesNotHaveBean(DemoData.class).doesNotHaveBean(CaseWalker.class)
            .doesNotHaveBean(CatalogueRoundWalker.class));
  }

  @Test
  void theEmbeddedDefaultSeedsThePeopleAndTheDemoCases() {
    configuration.withPropertyValues("spring.profiles.active=default").run(context -> {
      assertThat(context.getEnvironment().getProperty("riskmonitor.demo.enabled")).isEqualTo("true");
      assertThat(context.getEnvironment().getProperty("riskmonitor.demo.seed")).isEqualTo("cases");
    });
  }
}
