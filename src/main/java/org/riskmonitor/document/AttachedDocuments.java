package org.riskmonitor.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.json.SpinJsonNode;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * The documents a step's form says it attached ({@code attachedDocumentIds}, uploaded through the
 * documents API while the form was open). Each must be a document of this case of a kind the
 * step takes; some steps need at least one of a kind (the lab's signed report PDF).
 */
@Component
public class AttachedDocuments {

  public static final String VARIABLE = FormDefinitions.ATTACHED_DOCUMENTS;
  static final String LABEL = "附件 Attachments";

  private final DocumentStore store;

  public AttachedDocuments(DocumentStore store) {
    this.store = store;
  }

  /** The attached ids, with any problem reported to the form. */
  public List<Long> check(VariableScope step, SubmittedForm form, long caseId, Set<DocumentKind> allowed,
                          DocumentKind required) {
    List<Long> ids = ids(step.getVariable(VARIABLE));
    if (ids == null) {
      form.refuseIf(true, LABEL + "：格式不正确 wrong format");
      return List.of();
    }
    boolean hasRequired = false;
    for (Long id : ids) {
      CaseDocument document = store.find(id);
      if (document == null || document.caseId() != caseId) {
        form.refuseIf(true, LABEL + "：文件" + id + "不属于本案件 document " + id + " is not one of this case");
        continue;
      }
      DocumentKind kind = DocumentKind.named(document.kind());
      form.refuseIf(!allowed.contains(kind), LABEL + "：" + document.fileName() + "不是本环节所需的材料 not a document of this step");
      hasRequired |= kind == required;
    }
    if (required != null && !hasRequired) {
      form.refuseIf(true, LABEL + "：请上传" + required.label() + " please upload " + required.englishLabel());
    }
    return ids;
  }

  /** Ids from a Json array (Tasklist) or a collection (Java API); null if anything else. */
  private static List<Long> ids(Object raw) {
    List<Long> ids = new ArrayList<>();
    if (raw == null) {
      return ids;
    }
    Collection<?> values = raw instanceof SpinJsonNode json && json.isArray()
        ? json.elements().stream().map(e -> e.isNumber() ? (Object) e.numberValue() : e.isString() ? e.stringValue() : e).toList()
        : raw instanceof Collection<?> c ? c : null;
    if (values == null || values.size() > 50) {
      return null;
    }
    for (Object value : values) {
      if (value instanceof Number n && n.doubleValue() == n.longValue()) {
        ids.add(n.longValue());
      } else if (value instanceof String s && s.matches("\\d{1,18}")) {
        ids.add(Long.parseLong(s));
      } else {
        return null;
      }
    }
    return ids.stream().distinct().toList();
  }
}
