package org.riskmonitor.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A coordinator onboards an enterprise; its user then works only on that enterprise's cases. */
class OnboardingTest extends RiskMonitorTest {

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private CaseWalker walker;

  @Autowired
  private Onboarding onboarding;

  @Test
  void theCoordinatorsPageRegistersTheEnterpriseAndShowsTheOneTimePasswordOnce() {
    ResponseEntity<String> page = post("coordinator", form("91120115MA05B2QX3" + Uscc.checkCharacter("91120115MA05B2QX3"), "baodi1"));

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-store");
    String password = page.getBody().replaceAll("(?s).*class=\"secret\">([^<]+)<.*", "$1");
    assertThat(password).startsWith("Rm-").hasSize(16);
    assertThat(engine.getIdentityService().checkPassword("baodi1", password)).isTrue();
    assertThat(count("rm_enterprise", "uscc LIKE '91120115MA05B2QX3%'")).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER WHERE PWD_ LIKE ?", Long.class, "%" + password + "%"))
        .isZero();
  }

  @Test
  void aBadUsccIsRefusedWithTheMessage_andNothingIsCreated() {
    ResponseEntity<String> page = post("coordinator", form("91120115MA05B2QX3Z", "baodi2"));

    assertThat(page.getStatusCode().value()).isEqualTo(400);
    assertThat(page.getBody()).contains("统一社会信用代码格式不正确");
    assertThat(engine.getIdentityService().createUserQuery().userId("baodi2").count()).isZero();
  }

  @Test
  void onlyCoordinatorsMayOnboard() {
    assertThat(post("enterprise1", form("91120115MA05B2QY1" + Uscc.checkCharacter("91120115MA05B2QY1"), "baodi3")).getStatusCode().value())
        .isEqualTo(403);
    assertThat(post("manager", form("91120115MA05B2QY1" + Uscc.checkCharacter("91120115MA05B2QY1"), "baodi3")).getStatusCode().value())
        .isEqualTo(403);
  }

  @Test
  void anOnboardedUserWorksOnItsEnterprisesCase_andLosesItWhenRemoved() {
    String uscc = "91120115MA05B2QW0" + Uscc.checkCharacter("91120115MA05B2QW0");
    Onboarding.Credentials credentials = onboarding.register(new Onboarding.Registration(uscc, "天津宝坻演示电器厂",
        "宝坻区", "120115", null, false, "baodi4", "钱", "多", null), "coordinator");
    String caseNumber = walker.open(uscc, "GAS_STOVE", "燃气灶").getBusinessKey();
    walker.advanceTo(caseNumber, "Task_ConfirmSamplingSlip", Route.remediated());
    Task task = walker.openTask(caseNumber);
    walker.as("baodi4", () -> {
      engine.getTaskService().claim(task.getId(), "baodi4");
      return null;
    });
    assertThat(visibleTasks("baodi4")).contains(task.getId());

    onboarding.removeMember("baodi4", credentials.enterprise().groupId(), "coordinator");

    assertThat(visibleTasks("baodi4")).doesNotContain(task.getId());
    assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
  }

  private List<String> visibleTasks(String user) {
    return walker.as(user, () -> engine.getTaskService().createTaskQuery().list()).stream().map(Task::getId).toList();
  }

  /** Posts the page's form as a logged-in user would (Basic here, so no session token is needed). */
  private ResponseEntity<String> post(String user, MultiValueMap<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.withBasicAuth(user, "demo").postForEntity("/manage/enterprises", new HttpEntity<>(form, headers), String.class);
  }

  private static MultiValueMap<String, String> form(String uscc, String userId) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("uscc", uscc);
    form.add("name", "天津宝坻演示电器厂" + userId);
    form.add("address", "天津市宝坻区");
    form.add("districtCode", "120115");
    form.add("userId", userId);
    form.add("lastName", "钱");
    form.add("firstName", "多");
    return form;
  }
}
