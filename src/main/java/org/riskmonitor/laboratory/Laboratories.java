package org.riskmonitor.laboratory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.riskmonitor.audit.AuditTrail;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.persistence.GeneratedId;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Testing laboratories, their accreditation scope and capacity. Each lab works through its own
 * group; the samples it has in work are the open tasks of that group in process {@code lab-test}.
 */
@Service
public class Laboratories {

  public static final int MAX_CAPACITY = 999;
  private static final String LAB_TEST_PROCESS = "lab-test";

  /** A lab with the samples it has in work (received, in testing or in review). */
  public record Load(Lab lab, long openTests) {

    public long spare() {
      return lab.capacity() - openTests;
    }
  }

  private final LabMapper mapper;
  private final IdentityService identityService;
  private final TaskService taskService;
  private final ExternalTaskService externalTaskService;
  private final Catalogue catalogue;
  private final AuditTrail audit;

  public Laboratories(LabMapper mapper, IdentityService identityService, TaskService taskService,
                      ExternalTaskService externalTaskService, Catalogue catalogue, AuditTrail audit) {
    this.mapper = mapper;
    this.identityService = identityService;
    this.taskService = taskService;
    this.externalTaskService = externalTaskService;
    this.catalogue = catalogue;
    this.audit = audit;
  }

  public Lab byId(long id) {
    return mapper.findById(id);
  }

  public List<Lab> all() {
    return mapper.findAll();
  }

  public List<Lab> accreditedFor(String productKind) {
    return mapper.accreditedFor(productKind);
  }

  /** Labs accredited for the product kind, the one with most spare capacity first. */
  public List<Load> accreditedBySpareCapacity(String productKind) {
    return accreditedFor(productKind).stream().map(this::load)
        .sorted(Comparator.comparingLong(Load::spare).reversed().thenComparing(load -> load.lab().code()))
        .toList();
  }

  /** Every lab with its work, by code. */
  public List<Load> loads() {
    return all().stream().map(this::load).toList();
  }

  public List<String> scope(long labId) {
    return mapper.scope(labId);
  }

  /**
   * Samples the lab has in work: its Tasklist steps, and the steps waiting in its LIMS. Counted as
   * the system: whoever completes the step before an assignment (a lab user, an enterprise) may not
   * see the other labs' tasks.
   */
  public long openTests(Lab lab) {
    return SystemContext.asSystem(identityService, () -> taskService.createTaskQuery()
        .processDefinitionKey(LAB_TEST_PROCESS).taskCandidateGroup(lab.groupId()).includeAssignedTasks().count()
        + LimsTopics.of(lab.groupId()).stream().mapToLong(topic -> externalTaskService.createExternalTaskQuery()
            .topicName(topic).count()).sum());
  }

  /**
   * A coordinator connects a lab to its LIMS or takes it back to Tasklist. Lab tests started from
   * then on follow the choice; a test already under way finishes the way it started.
   */
  @Transactional
  public Lab connectLims(long labId, boolean connected, String changedBy) {
    Lab lab = mapper.findById(labId);
    if (lab == null) {
      throw new FormRefusal("检验机构未登记 Unknown laboratory: " + labId);
    }
    mapper.updateLimsConnected(labId, connected);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("lab", lab.code());
    detail.put("limsConnected", connected);
    audit.record(null, "connect-lab-lims", changedBy, detail);
    return mapper.findById(labId);
  }

  /** A coordinator changes a lab's capacity and accreditation scope; refused as a whole if any value is wrong. */
  @Transactional
  public Lab change(long labId, Integer capacity, List<String> productKinds, String changedBy) {
    Lab lab = mapper.findById(labId);
    List<String> problems = new ArrayList<>();
    if (lab == null) {
      problems.add("检验机构未登记 Unknown laboratory: " + labId);
    }
    if (capacity == null || capacity < 1 || capacity > MAX_CAPACITY) {
      problems.add("容量：应为1至" + MAX_CAPACITY + "的整数 Capacity must be a whole number from 1 to " + MAX_CAPACITY);
    }
    List<String> kinds = productKinds.stream().distinct().toList();
    if (kinds.isEmpty()) {
      problems.add("资质范围：至少选择一项 Accreditation scope: choose at least one");
    }
    kinds.stream().filter(kind -> catalogue.kind(kind) == null)
        .forEach(kind -> problems.add("未知产品类别 Unknown product kind: " + kind));
    if (!problems.isEmpty()) {
      throw new FormRefusal(problems);
    }
    mapper.updateCapacity(labId, capacity);
    mapper.deleteScope(labId);
    kinds.forEach(kind -> mapper.insertScope(labId, kind));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("lab", lab.code());
    detail.put("capacity", capacity);
    detail.put("scope", kinds);
    audit.record(null, "change-lab", changedBy, detail);
    return mapper.findById(labId);
  }

  @Transactional
  public Lab register(String code, String name, int capacity, List<String> productKinds) {
    Lab lab = new Lab(null, code, name, "lab" + code, capacity, false);
    GeneratedId key = new GeneratedId();
    mapper.insert(lab, key);
    productKinds.forEach(kind -> mapper.insertScope(key.getId(), kind));
    if (identityService.createGroupQuery().groupId(lab.groupId()).singleResult() == null) {
      Group group = identityService.newGroup(lab.groupId());
      group.setName(name);
      group.setType("LAB");
      identityService.saveGroup(group);
    }
    return new Lab(key.getId(), code, name, lab.groupId(), capacity, false);
  }

  private Load load(Lab lab) {
    return new Load(lab, openTests(lab));
  }
}
