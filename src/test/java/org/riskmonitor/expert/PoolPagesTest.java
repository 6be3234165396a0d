package org.riskmonitor.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.enterprise.Uscc;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.riskmonitor.demo.Route;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.laboratory.Lab;
import org.riskmonitor.laboratory.Laboratories;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Coordinators keep the expert pool and the labs on their pages; nobody else may. */
class PoolPagesTest extends RiskMonitorTest {

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private CaseWalker walker;

  @Autowired
  private EnterpriseRegistry enterprises;

  @Autowired
  private Laboratories labs;

  @Autowired
  private ExpertPool pool;

  @Test
  void theCoordinatorSeesTheExpertsAndTheLabs_anEnterpriseIsRefused() {
    ResponseEntity<String> experts = get("coordinator", "/manage/experts");
    assertThat(experts.getStatusCode().value()).isEqualTo(200);
    assertThat(experts.getBody()).contains("孙卫东", "郑丽华", "郑建国", "电动自行车 E-bike", "北辰区",
        "天津市北辰恒通电线电缆有限公司", "曾任该企业技术顾问");

    ResponseEntity<String> labPage = get("coordinator", "/manage/labs");
    assertThat(labPage.getStatusCode().value()).isEqualTo(200);
    assertThat(labPage.getBody()).contains("天津市产品质量检验一所（演示）", "TJQI2", "家用燃气灶具 Domestic gas stove");

    assertThat(get("enterprise1", "/manage/experts").getStatusCode().value()).isEqualTo(403);
    assertThat(get("enterprise1", "/manage/labs").getStatusCode().value()).isEqualTo(403);
    long conflicts = count("rm_expert_conflict", "1 = 1");
    assertThat(post("enterprise1", "/manage/experts/conflicts",
        conflict("expert3", DemoPeople.ENTERPRISES.get(0).get(0), "试图自行申报")).getStatusCode().value()).isEqualTo(403);
    assertThat(count("rm_expert_conflict", "1 = 1")).isEqualTo(conflicts);
  }

  @Test
  void aCoordinatorDeclaresAConflict_anUnknownUsccIsRefusedWith400AndNothingWritten() {
    String uscc = "91120110MA07PGT01" + Uscc.checkCharacter("91120110MA07PGT01");
    long enterpriseId = enterprises.register(uscc, "天津市东丽页面演示电缆厂", "天津市东丽区", "120110", null, null).id();

    ResponseEntity<String> declared = post("coordinator", "/manage/experts/conflicts",
        conflict("expert3", uscc.toLowerCase(), "持有该企业股份 Holds shares in the enterprise"));

    assertThat(declared.getStatusCode().value()).isEqualTo(200);
    assertThat(declared.getBody()).contains("天津市东丽页面演示电缆厂", "持有该企业股份");
    assertThat(count("rm_expert_conflict", "user_id = 'expert3' AND enterprise_id = ? AND declared_by = 'coordinator'",
        enterpriseId)).isEqualTo(1);

    long conflicts = count("rm_expert_conflict", "1 = 1");
    ResponseEntity<String> unknown = post("coordinator", "/manage/experts/conflicts",
        conflict("expert3", "91120110MA07PGT99X", "持有该企业股份"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).contains("统一社会信用代码未登记 No enterprise registered with USCC 91120110MA07PGT99X");
    ResponseEntity<String> twice = post("coordinator", "/manage/experts/conflicts",
        conflict("expert3", uscc, "再次申报"));
    assertThat(twice.getStatusCode().value()).isEqualTo(400);
    assertThat(twice.getBody()).contains("该利益冲突已申报 This conflict of interest is already declared");
    assertThat(count("rm_expert_conflict", "1 = 1")).isEqualTo(conflicts);
  }

  @Test
  void aCoordinatorSetsAnExpertsSpecialties_anUnknownKindIsRefused() {
    try {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.addAll("productKinds", List.of("WIRE_CABLE", "GAS_STOVE", "CHILDREN_PRODUCT"));
      assertThat(post("coordinator", "/manage/experts/expert3/specialties", form).getStatusCode().value()).isEqualTo(200);
      assertThat(jdbc.queryForList("SELECT product_kind FROM rm_expert_specialty WHERE user_id = 'expert3'", String.class))
          .containsExactlyInAnyOrder("WIRE_CABLE", "GAS_STOVE", "CHILDREN_PRODUCT");

      form.set("productKinds", "TOASTER");
      ResponseEntity<String> refused = post("coordinator", "/manage/experts/expert3/specialties", form);
      assertThat(refused.getStatusCode().value()).isEqualTo(400);
      assertThat(refused.getBody()).contains("未知产品类别 Unknown product kind: TOASTER");
      assertThat(count("rm_expert_specialty", "user_id = 'expert3'")).isEqualTo(3);
    } finally {
      pool.setSpecialties("expert3", List.of("WIRE_CABLE", "GAS_STOVE"), CaseWalker.COORDINATOR);
    }
  }

  @Test
  void labsAreOfferedByTheirSpareCapacity_aChangedCapacityShowsInTheLabChoices_aBadOneIsRefused() {
    Lab labA = labs.all().stream().filter(lab -> lab.code().equals("TJQI1")).findFirst().orElseThrow();
    Lab labB = labs.all().stream().filter(lab -> lab.code().equals("TJQI2")).findFirst().orElseThrow();
    List<String> scope = labs.scope(labA.id());
    int capacity = labA.capacity() + 7;
    try {
      assertThat(post("coordinator", "/manage/labs/" + labA.id(), lab(String.valueOf(capacity), scope))
          .getStatusCode().value()).isEqualTo(200);
      String caseNumber = walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey();
      Task assign = walker.openTask(caseNumber);
      long inWork = labs.openTests(labA);
      long spare = capacity - inWork;

      assertThat(values(assign, "labOptions")).containsExactly(String.valueOf(labA.id()), String.valueOf(labB.id()));
      assertThat(label(assign, "labOptions", String.valueOf(labA.id()))).isEqualTo("天津市产品质量检验一所（演示）（计划指定 planned） — 资质覆盖电动自行车 accredited · 余量"
          + spare + "/" + capacity + " " + spare + " of " + capacity + " free");
      long samplerWork = engine.getTaskService().createTaskQuery().taskAssignee("sampler").count();
      assertThat(label(assign, "samplerOptions", "sampler")).isEqualTo("刘抽样员 (sampler) — 在办" + samplerWork + "件 "
          + samplerWork + " open");

      // the sample the lab receives is work it has open
      walker.advanceTo(caseNumber, "Task_ReceiveSample", Route.remediated());
      assertThat(labs.openTests(labA)).isEqualTo(inWork + 1);

      // with no room left, lab A comes after lab B and says it is full
      assertThat(post("coordinator", "/manage/labs/" + labA.id(), lab("1", scope)).getStatusCode().value()).isEqualTo(200);
      Task next = walker.openTask(walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车").getBusinessKey());
      assertThat(values(next, "labOptions")).containsExactly(String.valueOf(labB.id()), String.valueOf(labA.id()));
      assertThat(label(next, "labOptions", String.valueOf(labA.id()))).endsWith("已满（在检" + (inWork + 1) + "/1） full ("
          + (inWork + 1) + " of 1 in work)");
      // a gas stove is tested by lab A only: lab B is not accredited for it
      Task stove = walker.openTask(walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "GAS_STOVE", "燃气灶").getBusinessKey());
      assertThat(values(stove, "labOptions")).containsExactly(String.valueOf(labA.id()));

      ResponseEntity<String> refused = post("coordinator", "/manage/labs/" + labA.id(), lab("0", scope));
      assertThat(refused.getStatusCode().value()).isEqualTo(400);
      assertThat(refused.getBody()).contains("容量：应为1至999的整数 Capacity must be a whole number from 1 to 999");
      assertThat(post("coordinator", "/manage/labs/" + labA.id(), lab("很多", scope)).getStatusCode().value()).isEqualTo(400);
      assertThat(post("coordinator", "/manage/labs/" + labA.id(), lab("30", List.of())).getStatusCode().value()).isEqualTo(400);
      assertThat(labs.byId(labA.id()).capacity()).isEqualTo(1);
      assertThat(labs.scope(labA.id())).isEqualTo(scope);
    } finally {
      labs.change(labA.id(), labA.capacity(), scope, CaseWalker.COORDINATOR);
    }
  }

  @Test
  void aCoordinatorConnectsALabToItsLims_othersMayNot_andABadValueIsRefused() {
    Lab labB = labs.all().stream().filter(lab -> lab.code().equals("TJQI2")).findFirst().orElseThrow();
    try {
      ResponseEntity<String> connected = post("coordinator", "/manage/labs/" + labB.id() + "/lims", connected("true"));
      assertThat(connected.getStatusCode().value()).isEqualTo(200);
      assertThat(connected.getBody()).contains("本机构LIMS（外部任务） its LIMS (external tasks)",
          "改回任务列表 Back to Tasklist");
      assertThat(labs.byId(labB.id()).limsConnected()).isTrue();
      assertThat(count("rm_audit_entry", "action = 'connect-lab-lims' AND actor = 'coordinator'")).isPositive();

      assertThat(post("expert1", "/manage/labs/" + labB.id() + "/lims", connected("false")).getStatusCode().value())
          .isEqualTo(403);
      assertThat(post("lab2", "/manage/labs/" + labB.id() + "/lims", connected("false")).getStatusCode().value())
          .isEqualTo(403);
      ResponseEntity<String> refused = post("coordinator", "/manage/labs/" + labB.id() + "/lims", connected("yes"));
      assertThat(refused.getStatusCode().value()).isEqualTo(400);
      assertThat(refused.getBody()).contains("工作方式：应为true或false Works through: true or false");
      assertThat(post("coordinator", "/manage/labs/999999/lims", connected("true")).getStatusCode().value())
          .isEqualTo(400);
      assertThat(labs.byId(labB.id()).limsConnected()).isTrue();

      assertThat(post("coordinator", "/manage/labs/" + labB.id() + "/lims", connected("false")).getBody())
          .contains("对接LIMS Connect its LIMS");
      assertThat(labs.byId(labB.id()).limsConnected()).isFalse();
    } finally {
      labs.connectLims(labB.id(), false, CaseWalker.COORDINATOR);
    }
  }

  private static MultiValueMap<String, String> connected(String value) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("connected", value);
    return form;
  }

  private List<String> values(Task task, String variable) {
    SpinJsonNode options = (SpinJsonNode) engine.getTaskService().getVariable(task.getId(), variable);
    return options.elements().stream().map(o -> o.prop("value").stringValue()).toList();
  }

  private String label(Task task, String variable, String value) {
    SpinJsonNode options = (SpinJsonNode) engine.getTaskService().getVariable(task.getId(), variable);
    return options.elements().stream().filter(o -> o.prop("value").stringValue().equals(value)).findFirst().orElseThrow()
        .prop("label").stringValue();
  }

  private ResponseEntity<String> get(String user, String path) {
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).getForEntity(path, String.class);
  }

  /** Posts a page's form as a logged-in user would (Basic here, so no session token is needed). */
  private ResponseEntity<String> post(String user, String path, MultiValueMap<String, String> form) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
    return rest.withBasicAuth(user, DemoPeople.PASSWORD).postForEntity(path, new HttpEntity<>(form, headers), String.class);
  }

  private static MultiValueMap<String, String> conflict(String userId, String uscc, String reason) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("userId", userId);
    form.add("uscc", uscc);
    form.add("reason", reason);
    return form;
  }

  private static MultiValueMap<String, String> lab(String capacity, List<String> scope) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("capacity", capacity);
    form.addAll("productKinds", scope);
    return form;
  }
}
