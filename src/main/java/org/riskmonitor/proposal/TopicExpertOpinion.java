package org.riskmonitor.proposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/** An expert's opinion on a new topic (form {@code give-expert-opinion}), kept with the topic for the catalogue round. */
@Component("topicExpertOpinion")
public class TopicExpertOpinion implements TaskListener {

  private final FormDefinitions forms;
  private final ProposalMapper mapper;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;

  public TopicExpertOpinion(FormDefinitions forms, ProposalMapper mapper, CurrentUser currentUser, RegulatorClock clock) {
    this.forms = forms;
    this.mapper = mapper;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    String opinion = form.text("expertOpinion");
    Recommendation recommendation = form.choice("expertRecommendation", Recommendation.class);
    form.verify();
    mapper.recordOpinion(((Number) task.getVariable("topicId")).longValue(), currentUser.id(), opinion,
        recommendation == Recommendation.INCLUDE, clock.now());
  }
}
