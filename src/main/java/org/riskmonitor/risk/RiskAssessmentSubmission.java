package org.riskmonitor.risk;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Component;

/** The expert's injury scenarios (form {@code assess-risk}); the level follows from the DMN. */
@Component("riskAssessmentSubmission")
public class RiskAssessmentSubmission implements TaskListener {

  private record Scenario(String description, int severity, String steps, double probability) {
  }

  private final FormDefinitions forms;
  private final RiskMapper mapper;
  private final MonitoringCases cases;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public RiskAssessmentSubmission(FormDefinitions forms, RiskMapper mapper, MonitoringCases cases, CurrentUser currentUser,
                                  RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.cases = cases;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    List<Scenario> scenarios = form.rows("riskScenarios", 1, 20, row -> {
      String description = row.text("description");
      String severity = row.oneOf("severity", Set.of("1", "2", "3", "4"));
      String steps = row.text("stepProbabilities");
      Double probability = steps == null ? null : StepProbabilities.product(steps);
      row.refuseIf(steps != null && probability == null,
          "各步骤概率 Step probabilities：应为0到1之间的分数或小数，以逗号分隔 fractions or decimals in (0, 1], comma-separated");
      return description == null || severity == null || probability == null ? null
          : new Scenario(description, Integer.parseInt(severity), steps, probability);
    });
    form.verify();

    GeneratedId key = new GeneratedId();
    mapper.insertAssessment(cases.idOf(task), currentUser.id(), clock.now(), key);
    for (int i = 0; i < scenarios.size(); i++) {
      Scenario s = scenarios.get(i);
      mapper.insertScenario(new RiskScenario(null, key.getId(), i + 1, s.description(), s.severity(), s.steps(),
          s.probability(), null));
    }
    task.setVariable("riskAssessmentId", key.getId());
  }
}
