package org.riskmonitor.risk;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/** The expert names the causes of the nonconformity (form {@code analyse-causes}). */
@Component("causeAnalysisSubmission")
public class CauseAnalysisSubmission implements TaskListener {

  private final FormDefinitions forms;
  private final RiskMapper mapper;
  private final MonitoringCases cases;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public CauseAnalysisSubmission(FormDefinitions forms, RiskMapper mapper, MonitoringCases cases, CurrentUser currentUser,
                                 RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.cases = cases;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    long caseId = cases.idOf(task);
    String analyst = currentUser.id();
    SubmittedForm form = forms.submission(task);
    List<Cause> causes = form.rows("causes", 1, 20, row -> {
      Cause.Category category = row.choice("category", Cause.Category.class);
      String description = row.text("description");
      Cause.Severity severity = row.choice("severity", Cause.Severity.class);
      return category == null || description == null || severity == null ? null
          : new Cause(null, caseId, category.name(), description, severity.name(), analyst, clock.now());
    });
    String comparison = form.text("spotCheckComparison");
    form.verify();

    causes.forEach(mapper::insertCause);
    mapper.insertAnalysis(caseId, comparison, analyst, clock.now());
  }
}
