package org.riskmonitor.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.riskmonitor.Chromium;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The regulator's coordinators and managers keep Cockpit with the engine API closed to what their
 * role needs: the case process with its running instances and one case's instance open in a real
 * Chromium, and none of Cockpit's calls is refused.
 */
class RegulatorCockpitBrowserTest extends RiskMonitorTest {

  @LocalServerPort
  private int port;

  @Autowired
  private CaseWalker walker;

  @Test
  void coordinatorAndManagerOpenCockpitsPages_withoutARefusedCall() throws Exception {
    String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_ConfirmSamplingSlip", Route.remediated());
    String instanceId = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber, "risk-case").singleResult().getId();
    String definitionId = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instanceId)
        .singleResult().getProcessDefinitionId();
    long auditBefore = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM rm_audit_entry", Long.class);

    try (Chromium chromium = new Chromium()) {
      ChromeDriver browser = chromium.browser();
      WebDriverWait wait = chromium.waiting();
      for (String user : new String[] {"coordinator", "manager"}) {
        chromium.login(port, user);
        String cockpit = "http://localhost:" + port + "/camunda/app/cockpit/default/#";
        // not the Processes list: on MariaDB its statistics query (Cockpit's own SQL with the per-row
        // authorization checks) is refused by the server, whatever the allow-list (docs/benchmarks.md)
        browser.get(cockpit + "/process-definition/" + definitionId + "/runtime");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-container svg")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), caseNumber));
        browser.get(cockpit + "/process-instance/" + instanceId + "/runtime");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".djs-container svg")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), instanceId));
        // Cockpit keeps loading the instance's variables, incidents and history after the diagram
        Thread.sleep(2000);
        chromium.shoot("21-" + user + "-cockpit-case-instance");
      }
    }
    assertThat(jdbc.queryForList("SELECT actor, detail FROM rm_audit_entry WHERE id > ? AND action = ?", auditBefore,
        RefusedCalls.ACTION)).isEmpty();
  }
}
