package org.riskmonitor.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The BPMN, the forms and the listeners agree. */
class FormContractTest {

  private static final Set<String> FORM_REFS = new HashSet<>();
  private static final Set<String> DELEGATE_BEANS = new HashSet<>();
  private static final Set<String> FORM_IDS = new HashSet<>();
  private static final Set<String> FIELD_KEYS = new HashSet<>();

  @BeforeAll
  static void read() throws IOException {
    Pattern bean = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");
    for (File file : new File("processes").listFiles((dir, name) -> name.endsWith(".bpmn"))) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file);
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String form = task.getCamundaFormRef();
        assertThat(form).as("Camunda Form of %s", task.getId()).isNotBlank();
        assertThat(task.getCamundaFormKey()).as("no embedded or external form on %s", task.getId()).isNull();
        assertThat(task.getCamundaDueDate()).as("due date of %s", task.getId()).isNotBlank();
        assertThat(task.getCamundaAssignee() != null || task.getCamundaCandidateGroups() != null)
            .as("who does %s", task.getId()).isTrue();
        FORM_REFS.add(form);
      }
      model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef)
          .filter(ref -> ref != null).forEach(FORM_REFS::add);
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        assertThat(node.getId()).as("stable, readable id").matches("[A-Z][A-Za-z]+_[A-Z][A-Za-z]+");
        if (node.getName() != null) {
          assertThat(node.getName()).as("name of %s: Chinese then English", node.getId())
              .matches("^[\\p{IsHan}（）/，、0-9]+.* [A-Za-z].*$");
        }
      }
      Matcher m = bean.matcher(java.nio.file.Files.readString(file.toPath()));
      while (m.find()) {
        DELEGATE_BEANS.add(m.group(1));
      }
    }
    ObjectMapper json = new ObjectMapper();
    for (File file : new File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
      JsonNode form = json.readTree(file);
      assertThat(file.getName()).isEqualTo(form.path("id").asText() + ".form");
      FORM_IDS.add(form.path("id").asText());
      form.findValues("key").forEach(key -> FIELD_KEYS.add(key.asText()));
    }
  }

  @Test
  void everyStepHasItsFormAndEveryFormIsUsed() {
    assertThat(FORM_IDS).isEqualTo(FORM_REFS);
  }

  /** One form technology: the forms folder holds Camunda Forms only. */
  @Test
  void theFormsFolderHoldsOnlyCamundaForms() {
    assertThat(new File("forms").list()).isNotEmpty().allMatch(name -> name.endsWith(".form"));
  }

  /** A process variable named like a bean hides the bean from ${...}: the listener would not run. */
  @Test
  void noFormFieldIsNamedLikeAListenerBean() {
    assertThat(DELEGATE_BEANS).isNotEmpty().doesNotContainAnyElementsOf(FIELD_KEYS);
  }
}
