package org.riskmonitor.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.riskmonitor.audit.AuditTrail;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of {@code forms/}, read once at start. A listener asks for the submission of
 * its step; the step's {@code camunda:formRef} names the form whose labels and limits apply.
 */
@Component
public class FormDefinitions {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, Map<String, FieldSpec>> fieldsByForm = new HashMap<>();
  private final Map<String, Set<String>> shownByForm = new HashMap<>();
  private final AuditTrail audit;
  private final CurrentUser currentUser;
  /** The regulator's clock (calendar's RegulatorClock). */
  private final Clock clock;

  public FormDefinitions(AuditTrail audit, CurrentUser currentUser, Clock clock) throws IOException {
    this.audit = audit;
    this.currentUser = currentUser;
    this.clock = clock;
    ObjectMapper json = new ObjectMapper();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      try (InputStream in = resource.getInputStream()) {
        JsonNode form = json.readTree(in);
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        collect(form.path("components"), fields);
        fieldsByForm.put(form.path("id").asText(), fields);
        Set<String> shown = new HashSet<>();
        collectShown(form, shown);
        shownByForm.put(form.path("id").asText(), shown);
      }
    }
  }

  /**
   * The variables a step's form shows or submits: its fields, option lists, and every name its
   * texts and conditions refer to. Someone outside the regulator sees no other variable of the
   * case (the engine would show a task's worker every variable of the process).
   */
  public Set<String> shownVariables(String formRef, String formKey) {
    Set<String> shown = shownByForm.get(formIdOf(formRef, formKey));
    return shown == null ? Set.of() : Set.copyOf(shown);
  }

  private static void collectShown(JsonNode node, Set<String> into) {
    if (node.isObject()) {
      for (String name : List.of("key", "valuesKey", "path")) {
        if (node.path(name).isTextual()) {
          into.add(node.path(name).asText());
        }
      }
      node.fields().forEachRemaining(field -> {
        JsonNode value = field.getValue();
        if (value.isTextual() && value.asText().startsWith("=")) {
          identifiers(value.asText().substring(1), into);
        } else if (value.isTextual()) {
          Matcher template = TEMPLATE.matcher(value.asText());
          while (template.find()) {
            identifiers(template.group(1), into);
          }
        } else {
          collectShown(value, into);
        }
      });
    } else if (node.isArray()) {
      node.forEach(element -> collectShown(element, into));
    }
  }

  private static void identifiers(String expression, Set<String> into) {
    Matcher identifier = IDENTIFIER.matcher(expression);
    while (identifier.find()) {
      into.add(identifier.group());
    }
  }

  /** The values submitted to the current step, checked against its form. */
  public SubmittedForm submission(VariableScope step) {
    BaseElement element = step instanceof DelegateTask task ? task.getBpmnModelElementInstance()
        : ((DelegateExecution) step).getBpmnModelElementInstance();
    return submission(step, formIdOf(element.getAttributeValueNs(CAMUNDA_NS, "formRef"),
        element.getAttributeValueNs(CAMUNDA_NS, "formKey")));
  }

  /**
   * The values another system submitted to a step, checked against the form the same step has
   * in Tasklist: a lab's LIMS is held to the rules its Tasklist users are.
   */
  public SubmittedForm submission(VariableScope step, String formId) {
    Object caseId = step.getVariable("caseId");
    // the opening form has no case yet; CaseOpening records it once the case exists
    return new SubmittedForm(step, fields(formId), clock.getZone(), submitted -> {
      if (caseId instanceof Number id) {
        audit.record(id.longValue(), formId, currentUser.idOrSystem(), submitted);
      }
    });
  }

  /**
   * The Camunda Form that defines a step's fields: the one it references. Every step of ours
   * has one; a form key (an embedded or external form) names no form of ours.
   */
  static String formIdOf(String formRef, String formKey) {
    if (formRef != null) {
      return formRef;
    }
    throw new IllegalStateException("no Camunda Form for the step: " + formKey);
  }

  /** The variables a step's form may submit: its fields. */
  public Set<String> submittable(String formRef, String formKey) {
    return Set.copyOf(fields(formIdOf(formRef, formKey)).keySet());
  }

  public Map<String, FieldSpec> fields(String formId) {
    Map<String, FieldSpec> fields = fieldsByForm.get(formId);
    if (fields == null) {
      throw new UncheckedIOException(new IOException("no form " + formId + " in forms/"));
    }
    return fields;
  }

  private static void collect(JsonNode components, Map<String, FieldSpec> into) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if ("dynamiclist".equals(type)) {
        Map<String, FieldSpec> children = new LinkedHashMap<>();
        collect(component.path("components"), children);
        String path = component.path("path").asText();
        into.put(path, new FieldSpec(path, component.path("label").asText(path), type, false,
            component.has("conditional"), null, null, null, null, null, List.of(), null, children));
      } else if (component.has("key")) {
        into.put(component.path("key").asText(), spec(component));
      } else if (component.has("components")) {
        collect(component.path("components"), into);
      }
    }
  }

  private static FieldSpec spec(JsonNode component) {
    JsonNode validate = component.path("validate");
    String label = component.path("label").asText(component.path("dateLabel").asText(component.path("key").asText()));
    List<String> options = new ArrayList<>();
    component.path("values").forEach(option -> options.add(option.path("value").asText()));
    return new FieldSpec(component.path("key").asText(), label, component.path("type").asText(),
        validate.path("required").asBoolean(false), component.has("conditional"),
        integer(validate, "minLength"), integer(validate, "maxLength"), integer(validate, "min"), integer(validate, "max"),
        validate.has("pattern") ? Pattern.compile(validate.path("pattern").asText()) : null,
        List.copyOf(options), component.path("valuesKey").isTextual() ? component.path("valuesKey").asText() : null,
        Map.of());
  }

  private static Integer integer(JsonNode validate, String name) {
    return validate.has(name) ? validate.path(name).asInt() : null;
  }
}
