package org.riskmonitor.expert;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.enterprise.Enterprise;
import org.riskmonitor.enterprise.EnterpriseRegistry;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.input.TextRules;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Technical experts: the product kinds they specialise in, the enterprises they declared a
 * conflict of interest with, and the work they have open.
 */
@Service
public class ExpertPool {

  public static final String CONFLICT_REFUSAL =
      "该专家已申报与本企业存在利益冲突 The expert declared a conflict of interest with this enterprise";
  public static final int MAX_REASON_LENGTH = 500;

  private final ExpertMapper mapper;
  private final EnterpriseRegistry enterprises;
  private final Catalogue catalogue;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final AuditTrail audit;
  private final RegulatorClock clock;

  public ExpertPool(ExpertMapper mapper, EnterpriseRegistry enterprises, Catalogue catalogue, TaskService taskService,
                    IdentityService identityService, AuditTrail audit, RegulatorClock clock) {
    this.mapper = mapper;
    this.enterprises = enterprises;
    this.catalogue = catalogue;
    this.taskService = taskService;
    this.identityService = identityService;
    this.audit = audit;
    this.clock = clock;
  }

  public Expert byId(String userId) {
    return mapper.findById(userId);
  }

  /** Every expert as a choice for a case of this product kind and enterprise, best suited first. */
  public List<ExpertCandidate> rankedFor(String productKind, long enterpriseId) {
    Set<String> specialists = new HashSet<>(mapper.specialistsIn(productKind));
    Set<String> conflicted = new HashSet<>(mapper.conflictedWith(enterpriseId));
    return mapper.findAll().stream()
        .map(expert -> new ExpertCandidate(expert, specialists.contains(expert.userId()),
            conflicted.contains(expert.userId()), openTasks(expert.userId())))
        .sorted(ExpertCandidate.BEST_FIRST)
        .toList();
  }

  public boolean conflicted(String userId, long enterpriseId) {
    return mapper.countConflicts(userId, enterpriseId) > 0;
  }

  /**
   * Tasks assigned to the expert and not yet done. Counted as the system: the coordinator or the
   * user whose completion creates the assignment task may not see other people's tasks.
   */
  public long openTasks(String userId) {
    return SystemContext.asSystem(identityService, () -> taskService.createTaskQuery().taskAssignee(userId).count());
  }

  /** The pool as coordinators keep it. */
  public List<ExpertProfile> profiles() {
    return mapper.findAll().stream().map(expert -> new ExpertProfile(expert,
            expert.districtCode() == null ? null : enterprises.districtName(expert.districtCode()),
            mapper.specialties(expert.userId()).stream().map(catalogue::kind).toList(),
            mapper.conflictsOf(expert.userId()), openTasks(expert.userId())))
        .toList();
  }

  @Transactional
  public Expert register(String userId, String name, String districtCode, String title, List<String> specialties) {
    Expert expert = new Expert(userId, name, districtCode, title);
    mapper.insert(expert);
    specialties.forEach(kind -> mapper.insertSpecialty(userId, kind));
    return expert;
  }

  /** Records that the expert must not handle the enterprise's cases; refused as a whole if any value is wrong. */
  @Transactional
  public void declareConflict(String userId, String uscc, String reason, String declaredBy) {
    List<String> problems = new ArrayList<>();
    Expert expert = userId == null || userId.isBlank() ? null : mapper.findById(userId.strip());
    if (expert == null) {
      problems.add("专家：不在专家库中 Expert: not in the pool");
    }
    String code = uscc == null ? "" : uscc.strip().toUpperCase(Locale.ROOT);
    Enterprise enterprise = code.isEmpty() ? null : enterprises.byUscc(code);
    if (code.isEmpty()) {
      problems.add("统一社会信用代码：必填 USCC: required");
    } else if (enterprise == null) {
      problems.add("统一社会信用代码未登记 No enterprise registered with USCC " + code);
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty()) {
      problems.add("理由：必填 Reason: required");
    } else if (why.length() > MAX_REASON_LENGTH) {
      problems.add("理由：不得超过" + MAX_REASON_LENGTH + "个字符 Reason: at most " + MAX_REASON_LENGTH + " characters");
    } else if (TextRules.problem(why) != null) {
      problems.add("理由 Reason：" + TextRules.problem(why));
    }
    if (expert != null && enterprise != null && conflicted(expert.userId(), enterprise.id())) {
      problems.add("该利益冲突已申报 This conflict of interest is already declared");
    }
    if (!problems.isEmpty()) {
      throw new FormRefusal(problems);
    }
    mapper.insertConflict(expert.userId(), enterprise.id(), clock.now(), declaredBy, why);
    audit.record(null, "declare-conflict", declaredBy,
        Map.of("expert", expert.userId(), "uscc", enterprise.uscc(), "reason", why));
  }

  /** Replaces the expert's specialties; refused as a whole if any value is wrong. */
  @Transactional
  public void setSpecialties(String userId, List<String> productKinds, String changedBy) {
    List<String> problems = new ArrayList<>();
    if (mapper.findById(userId) == null) {
      problems.add("专家：不在专家库中 Expert: not in the pool");
    }
    List<String> kinds = productKinds.stream().distinct().toList();
    if (kinds.isEmpty()) {
      problems.add("专长：至少选择一项 Specialties: choose at least one");
    }
    kinds.stream().filter(kind -> catalogue.kind(kind) == null)
        .forEach(kind -> problems.add("未知产品类别 Unknown product kind: " + kind));
    if (!problems.isEmpty()) {
      throw new FormRefusal(problems);
    }
    mapper.deleteSpecialties(userId);
    kinds.forEach(kind -> mapper.insertSpecialty(userId, kind));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("expert", userId);
    detail.put("specialties", kinds);
    audit.record(null, "set-specialties", changedBy, detail);
  }
}
