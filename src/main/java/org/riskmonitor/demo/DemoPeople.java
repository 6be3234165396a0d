package org.riskmonitor.demo;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.expert.ExpertPool;
import org.riskmonitor.laboratory.Laboratories;
import org.riskmonitor.security.Roles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people and organisations of the demo: the regulator's staff, two labs, three experts and
 * five enterprises (three with a user each), all with password {@code demo}. Only for the
 * embedded default profile and the tests; production identities come from onboarding or LDAP.
 */
@Component
@ConditionalOnProperty(name = "riskmonitor.demo.enabled", havingValue = "true")
public class DemoPeople {

  public static final String PASSWORD = "demo";

  /** Enterprises with valid USCCs; the fourth carries the former Ninghe county code 120221. */
  public static final List<List<String>> ENTERPRISES = List.of(
      List.of("91120116MA05K8T2XA", "天津市津骑电动车有限公司", "天津市滨海新区中塘镇工业园8号", "120116", "滨海新区电动自行车产业集群"),
      List.of("91120113MA06Q3LC78", "天津市北辰恒通电线电缆有限公司", "天津市北辰区双口镇工业区12号", "120113", "北辰区电线电缆产业集群"),
      List.of("91120111MA07D2NP4Y", "天津市西青安能锂电科技有限公司", "天津市西青区张家窝工业园3号", "120111", "西青区锂电池产业集群"),
      List.of("91120221MA05N1GT8A", "天津市宁河暖阳燃气具有限公司", "天津市宁河区芦台镇光明路21号", "120117", "宁河区燃气具产业集群"),
      List.of("91120104MA06F9WR5H", "天津市南开童乐儿童用品有限公司", "天津市南开区华苑产业区7号", "120104", ""));

  /**
   * Enterprises in more districts for the demo's history (the cases of a year, see {@link DemoHistory}),
   * each with a user: {@code enterprise6} onwards.
   */
  public static final List<List<String>> MORE_ENTERPRISES = List.of(
      List.of("91120101MA05R7HB3F", "天津市和平优品餐具商贸有限公司", "天津市和平区南京路156号", "120101", ""),
      List.of("91120110MA06T4KM2P", "天津市东丽金桥电缆有限公司", "天津市东丽区军粮城工业园9号", "120110", "东丽区电线电缆产业集群"),
      List.of("91120114MA07B6QX9Q", "天津市武清飞驰电动车有限公司", "天津市武清区王庆坨镇工业园18号", "120114", "武清区电动自行车产业集群"),
      List.of("91120118MA05W2PD7P", "天津市静海远航电动车配件有限公司", "天津市静海区大邱庄工业区5号", "120118", "静海区电动车配件产业集群"),
      List.of("91120105MA06H8LN1B", "天津市河北乐童玩具有限公司", "天津市河北区中山路88号", "120105", ""),
      List.of("91120112MA07J3CE6F", "天津市津南安厨燃气具有限公司", "天津市津南区八里台工业园2号", "120112", "津南区燃气具产业集群"));

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final EnterpriseRegistry enterprises;
  private final Laboratories labs;
  private final ExpertPool experts;

  public DemoPeople(IdentityService identityService, AuthorizationService authorizationService,
                    EnterpriseRegistry enterprises, Laboratories labs, ExpertPool experts) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.enterprises = enterprises;
    this.labs = labs;
    this.experts = experts;
  }

  public boolean seeded() {
    return identityService.createUserQuery().userId(CaseWalker.COORDINATOR).count() > 0;
  }

  @Transactional
  public void seed() {
    demoAdmin();

    // lab A takes first tests, lab B mostly re-tests: A's larger capacity keeps it offered first
    String labA = labs.register("TJQI1", "天津市产品质量检验一所（演示）", 60,
        List.of("E_BIKE", "E_BIKE_CHARGER", "E_BIKE_LI_BATTERY", "WIRE_CABLE", "GAS_STOVE", "FOOD_CONTACT_PLASTIC",
            "CHILDREN_PRODUCT", "PORTABLE_LI_BATTERY")).groupId();
    String labB = labs.register("TJQI2", "天津市产品质量检验二所（演示）", 20,
        List.of("E_BIKE", "E_BIKE_CHARGER", "E_BIKE_LI_BATTERY", "WIRE_CABLE", "PORTABLE_LI_BATTERY")).groupId();

    List<String> enterpriseGroups = ENTERPRISES.stream()
        .map(e -> enterprises.register(e.get(0), e.get(1), e.get(2), e.get(3), e.get(4).isEmpty() ? null : e.get(4), null).groupId())
        .toList();

    user("coordinator", "张", "协调员", "coordinators");
    user("sampler", "刘", "抽样员", "samplers");
    user("lab1", "陈", "检验员", "labs", labA);
    user("lab1b", "周", "审核员", "labs", labA);
    user("lab2", "吴", "检验员", "labs", labB);
    user("lab2b", "郭", "审核员", "labs", labB);
    user("expert1", "孙", "专家", "experts");
    user("expert2", "郑", "专家", "experts");
    user("expert3", "郑", "工程师", "experts");
    user("manager", "王", "处长", "managers");
    user("enterprise1", "李", "明", "enterprises", enterpriseGroups.get(0));
    user("enterprise2", "赵", "强", "enterprises", enterpriseGroups.get(1));
    // the battery maker supplies the e-bike maker: component cases sampled at enterprise1's plant go to it
    user("enterprise3", "钱", "芳", "enterprises", enterpriseGroups.get(2));

    experts.register("expert1", "孙卫东", "120116", "高级工程师",
        List.of("E_BIKE", "E_BIKE_CHARGER", "E_BIKE_LI_BATTERY", "PORTABLE_LI_BATTERY"));
    experts.register("expert2", "郑丽华", "120113", "研究员",
        List.of("WIRE_CABLE", "GAS_STOVE", "FOOD_CONTACT_PLASTIC", "CHILDREN_PRODUCT"));
    experts.register("expert3", "郑建国", "120111", "高级工程师", List.of("WIRE_CABLE", "GAS_STOVE"));
    // expert2 may not handle the cable maker, so its cases need expert3 as the second cable specialist
    experts.declareConflict("expert2", ENTERPRISES.get(1).get(0),
        "曾任该企业技术顾问（2023—2025年） Former technical adviser to the enterprise (2023–2025)", CaseWalker.COORDINATOR);
  }

  /**
   * What the demo's history needs besides: the enterprises in more districts, and a user for every
   * demo enterprise without one ({@code enterprise4} onwards), who confirm slips, answer results and
   * remediate. Only the first start with demo cases makes them; the tests keep to the five enterprises.
   */
  @Transactional
  public void seedForHistory() {
    String[][] names = {{"孙", "丽"}, {"周", "涛"}, {"吴", "静"}, {"冯", "磊"}, {"陈", "晨"}, {"褚", "伟"}, {"卫", "华"},
        {"蒋", "勇"}};
    List<String> groups = new java.util.ArrayList<>(ENTERPRISES.subList(3, ENTERPRISES.size()).stream()
        .map(e -> enterprises.byUscc(e.get(0)).groupId()).toList());
    MORE_ENTERPRISES.forEach(e -> groups.add(enterprises.register(e.get(0), e.get(1), e.get(2), e.get(3),
        e.get(4).isEmpty() ? null : e.get(4), null).groupId()));
    for (int i = 0; i < groups.size(); i++) {
      user("enterprise" + (i + 4), names[i][0], names[i][1], "enterprises", groups.get(i));
    }
  }

  /**
   * The demo administrator. Production creates its admin from RISKMONITOR_ADMIN_PASSWORD under the
   * password policy; the demo's short password is allowed here only.
   */
  private void demoAdmin() {
    if (identityService.createUserQuery().userId("admin").count() == 0) {
      user("admin", "系统", "管理员");
    }
    if (identityService.createGroupQuery().groupId(Roles.ADMINS).count() == 0) {
      group(Roles.ADMINS, "系统管理员 Administrators", "SYSTEM");
      for (Resources resource : Resources.values()) {
        Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        all.setGroupId(Roles.ADMINS);
        all.setResource(resource);
        all.setResourceId(Authorization.ANY);
        all.addPermission(Permissions.ALL);
        authorizationService.saveAuthorization(all);
      }
    }
    if (identityService.createUserQuery().userId("admin").memberOfGroup(Roles.ADMINS).count() == 0) {
      identityService.createMembership("admin", Roles.ADMINS);
    }
  }

  private void group(String id, String name, String type) {
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }

  private void user(String id, String lastName, String firstName, String... groups) {
    User user = identityService.newUser(id);
    user.setLastName(lastName);
    user.setFirstName(firstName);
    user.setEmail(id + "@riskmonitor.example");
    user.setPassword(PASSWORD);
    ((IdentityServiceImpl) identityService).saveUser(user, true);
    for (String group : groups) {
      identityService.createMembership(id, group);
    }
  }
}
