package org.riskmonitor.proposal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.cases.OptionList;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.catalogue.ProductKind;
import org.springframework.stereotype.Component;

/**
 * The choices of the triage form, read when the task is created: this year's topics (with how many
 * proposals back each) and the catalogue's product kinds.
 */
@Component("proposalTriageOptions")
public class ProposalTriageOptions implements TaskListener {

  private final ProposalTopics topics;
  private final Catalogue catalogue;

  public ProposalTriageOptions(ProposalTopics topics, Catalogue catalogue) {
    this.topics = topics;
    this.catalogue = catalogue;
  }

  @Override
  public void notify(DelegateTask task) {
    OptionList topicOptions = new OptionList();
    for (ProposalTopic topic : topics.ofThisYear()) {
      ProductKind kind = catalogue.kind(topic.productKind());
      topicOptions.add(String.valueOf(topic.id()), topic.title() + "（" + kind.label() + "；"
          + topic.proposalCount() + "条建议 proposals）");
    }
    OptionList kindOptions = new OptionList();
    catalogue.kinds().forEach(kind -> kindOptions.add(kind.code(), kind.label()));
    task.setVariable("topicOptions", topicOptions.toJson());
    task.setVariable("productKindOptions", kindOptions.toJson());
  }
}
