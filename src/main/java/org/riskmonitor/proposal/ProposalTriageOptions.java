package org.riskmonitor.proposal;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.riskmonitor.cases.OptionList;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.catalogue.ProductKind;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Component;

/**
 * The choices of the triage form, read when the task is created: this year's topics (with how many
 * proposals back each) and the catalogue's product kinds.
 */
@Component("proposalTriageOptions")
public class ProposalTriageOptions implements TaskListener {

  private static final String TOPIC_OPTIONS = "topicOptions";

  private final ProposalTopics topics;
  private final Catalogue catalogue;

  public ProposalTriageOptions(ProposalTopics topics, Catalogue catalogue) {
    this.topics = topics;
    this.catalogue = catalogue;
  }

  @Override
  public void notify(DelegateTask task) {
    OptionList kindOptions = new OptionList();
    catalogue.kinds().forEach(kind -> kindOptions.add(kind.code(), kind.label()));
    task.setVariable(TOPIC_OPTIONS, topicOptions().toJson());
    task.setVariable("productKindOptions", kindOptions.toJson());
  }

  /**
   * Offers the topics as they are now at every triage still open: proposals on the same product
   * often arrive together, and the second must be mergeable into the topic the first one opened.
   * Done on the system's behalf, as the coordinator's own permissions do not extend to other
   * proposals' processes.
   */
  void offerToOpenTriages(DelegateTask triaged) {
    ProcessEngineServices engine = triaged.getProcessEngineServices();
    JsonValue options = topicOptions().toJson();
    SystemContext.withoutAuthorization(() -> {
      for (Task open : engine.getTaskService().createTaskQuery().processDefinitionKey(Proposals.PROCESS_KEY)
          .taskDefinitionKey(triaged.getTaskDefinitionKey()).list()) {
        if (!open.getId().equals(triaged.getId())) {
          engine.getRuntimeService().setVariable(open.getExecutionId(), TOPIC_OPTIONS, options);
        }
      }
      return null;
    });
  }

  private OptionList topicOptions() {
    OptionList topicOptions = new OptionList();
    for (ProposalTopic topic : topics.ofThisYear()) {
      ProductKind kind = catalogue.kind(topic.productKind());
      topicOptions.add(String.valueOf(topic.id()), topic.title() + "（" + kind.label() + "；"
          + topic.proposalCount() + "条建议 proposals）");
    }
    return topicOptions;
  }
}
