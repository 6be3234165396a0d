package org.riskmonitor.document;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Component;

/**
 * The documents a step takes, as its definition declares them ({@value #KINDS}: the kinds one may
 * upload on its task; {@value #REQUIRED}: a kind without which it is not done), and the check
 * when the step completes: the server asks its own record of what was uploaded on this very task
 * (Tasklist's 材料 Documents tab records the task of each upload) instead of trusting ids a client
 * would send. A step that declares no kinds takes no uploads.
 */
@Component
public class StepDocuments {

  static final String KINDS = "documentKinds";
  static final String REQUIRED = "requiredDocumentKind";
  static final String LABEL = "材料 Documents";

  private final DocumentStore store;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;

  public StepDocuments(DocumentStore store, RepositoryService repositoryService, IdentityService identityService) {
    this.store = store;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  /** What a step's definition says about its documents. */
  public record Kinds(Set<DocumentKind> taken, DocumentKind required) {

    static Kinds of(BaseElement step) {
      Set<DocumentKind> taken = EnumSet.noneOf(DocumentKind.class);
      DocumentKind required = null;
      for (CamundaProperty property : properties(step)) {
        if (KINDS.equals(property.getCamundaName())) {
          for (String name : property.getCamundaValue().split(",")) {
            taken.add(kind(name.strip(), step));
          }
        } else if (REQUIRED.equals(property.getCamundaName())) {
          required = kind(property.getCamundaValue().strip(), step);
        }
      }
      if (required != null && !taken.contains(required)) {
        throw new IllegalStateException(step.getId() + " requires a kind it does not take: " + required);
      }
      return new Kinds(Set.copyOf(taken), required);
    }

    private static DocumentKind kind(String name, BaseElement step) {
      DocumentKind kind = DocumentKind.named(name);
      if (kind == null) {
        throw new IllegalStateException(step.getId() + " names no document kind of ours: " + name);
      }
      return kind;
    }

    private static List<CamundaProperty> properties(BaseElement step) {
      List<CamundaProperty> properties = new ArrayList<>();
      if (step != null && step.getExtensionElements() != null) {
        step.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()
            .forEach(declared -> properties.addAll(declared.getCamundaProperties()));
      }
      return properties;
    }
  }

  /** The kinds an open task takes, read from its step's definition. */
  public Kinds of(Task task) {
    return Kinds.of(SystemContext.asSystem(identityService, () -> repositoryService
        .getBpmnModelInstance(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey())));
  }

  /** The documents uploaded on this task, with a missing required kind reported to the form. */
  public List<CaseDocument> check(DelegateTask task, SubmittedForm form) {
    Kinds kinds = Kinds.of(task.getBpmnModelElementInstance());
    List<CaseDocument> documents = store.onTask(task.getId());
    if (kinds.required() != null
        && documents.stream().noneMatch(document -> kinds.required().name().equals(document.kind()))) {
      form.refuseIf(true, LABEL + "：请在“材料 Documents”标签页上传" + kinds.required().label() + " please upload "
          + kinds.required().englishLabel() + " in the Documents tab");
    }
    return documents;
  }
}
