package org.riskmonitor.proposal;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.catalogue.ProductKind;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Component;

/**
 * Coordinator triages a proposal (form {@code triage-proposal}): merges it into one of this year's
 * topics, or opens a new topic classified by product kind and focus group. Either way the topic
 * counts one more proposal. Only a new topic goes on to an expert; a merged one has its own.
 */
@Component("proposalTriage")
public class ProposalTriage implements TaskListener {

  private final FormDefinitions forms;
  private final ProposalMapper mapper;
  private final ProposalTopics topics;
  private final Catalogue catalogue;
  private final CurrentUser currentUser;
  private final RegulatorClock clock;
  private final ProposalTriageOptions triageOptions;

  public ProposalTriage(FormDefinitions forms, ProposalMapper mapper, ProposalTopics topics, Catalogue catalogue,
                        CurrentUser currentUser, RegulatorClock clock, ProposalTriageOptions triageOptions) {
    this.forms = forms;
    this.mapper = mapper;
    this.topics = topics;
    this.catalogue = catalogue;
    this.currentUser = currentUser;
    this.clock = clock;
    this.triageOptions = triageOptions;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    TriageDecision decision = form.choice("triageDecision", TriageDecision.class);
    boolean merge = decision == TriageDecision.MERGE;
    boolean open = decision == TriageDecision.NEW_TOPIC;
    String existing = merge ? form.oneOf("existingTopicId",
        topics.ofThisYear().stream().map(topic -> String.valueOf(topic.id())).toList()) : null;
    String title = form.textRequiredWhen(open, "topicTitle");
    String kind = open ? form.oneOf("productKind", catalogue.kinds().stream().map(ProductKind::code).toList()) : null;
    FocusGroup focusGroup = open ? form.choice("focusGroup", FocusGroup.class) : null;
    form.verify();

    String by = currentUser.id();
    long topicId;
    if (open) {
      GeneratedId key = new GeneratedId();
      mapper.insertTopic(title, kind, focusGroup.name(), by, clock.now(), key);
      topicId = key.getId();
    } else {
      topicId = Long.parseLong(existing);
    }
    long proposalId = ((Number) task.getVariable("proposalId")).longValue();
    if (mapper.linkToTopic(proposalId, topicId, by, clock.now()) != 1) {
      throw new FormRefusal(List.of("该建议已分拣 This proposal has been triaged already"));
    }
    mapper.countBacking(topicId);
    triageOptions.offerToOpenTriages(task);
    ProposalTopic topic = mapper.topic(topicId);
    task.setVariable("topicId", topicId);
    task.setVariable("newTopic", open);
    // what the expert's form shows of the topic
    task.setVariable("topicSummary", topic.title() + "（" + catalogue.kind(topic.productKind()).label() + "；"
        + FocusGroup.valueOf(topic.focusGroup()).label() + "）");
  }
}
