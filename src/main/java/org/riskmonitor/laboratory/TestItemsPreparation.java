package org.riskmonitor.laboratory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.catalogue.StandardItem;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.cases.MonitoringCase;
import org.springframework.stereotype.Component;

/**
 * Prefills the test report with the items of the standard editions in force on the sample's
 * production date. A report returned by its reviewer keeps what the tester entered.
 */
@Component("testItemsPreparation")
public class TestItemsPreparation implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final MonitoringCases cases;
  private final Catalogue catalogue;

  public TestItemsPreparation(MonitoringCases cases, Catalogue catalogue) {
    this.cases = cases;
    this.catalogue = catalogue;
  }

  @Override
  public void notify(DelegateTask task) {
    if (task.hasVariableLocal("testItems") || task.getExecution().hasVariableLocal("testItems")) {
      return;
    }
    task.getExecution().setVariableLocal("testItems", itemRows(task));
  }

  /** The items to test, as the rows the form and a LIMS fill in with measured values and verdicts. */
  JsonValue itemRows(VariableScope step) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StandardItem item : itemsFor(step)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("itemNo", String.valueOf(rows.size() + 1));
      row.put("standardCode", item.standardCode());
      row.put("clause", item.clause());
      row.put("requirement", item.requirement());
      rows.add(row);
    }
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What this sample must be tested for; the same list the submitted report is checked against. */
  public List<StandardItem> itemsFor(VariableScope step) {
    MonitoringCase monitoringCase = cases.of(step);
    LocalDate producedOn = LocalDate.parse((String) step.getVariable("productionDate"));
    return catalogue.testItems(monitoringCase.productKind(), producedOn);
  }
}
