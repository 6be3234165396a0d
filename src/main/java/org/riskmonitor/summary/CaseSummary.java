package org.riskmonitor.summary;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.riskmonitor.assignment.AssignmentOptions;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.cases.Venue;
import org.riskmonitor.checklist.Answer;
import org.riskmonitor.checklist.OnSiteChecks;
import org.riskmonitor.closure.Outcome;
import org.riskmonitor.risk.Cause;
import org.riskmonitor.risk.RiskLevel;
import org.riskmonitor.security.SystemContext;
import org.springframework.stereotype.Service;

/**
 * What a form shows of its case (enterprise, product, batch, samples, earlier results, deadlines,
 * documents), read from our tables when the form is opened rather than copied into process
 * variables as the case moves. The names are those the forms' texts already use. A notice the
 * system writes reads the same values here.
 */
@Service
public class CaseSummary {

  /** The process variables a summary needs: the case, the lab of a lab-test instance, the proposed outcome. */
  private static final List<String> KEYS = List.of(MonitoringCases.CASE_ID, "testLabId", "closureOutcome");
  private static final Set<String> LISTS = Set.of("nonconformingItems", "causesSummary", "problemsSummary",
      "documentLinks");

  /** Every value a summary can hold, by the name the forms use. */
  public static final Set<String> NAMES = Set.of("caseNumber", "enterpriseName", "enterpriseUscc",
      "enterpriseAddress", "districtName", "productName", "productKindName", "planLine", "venueName",
      "samplerName", "labName", "expertName", "secondSampler", "labelledManufacturer", "brand", "model",
      "batchNumber", "productionDate", "cccCertificate", "stockQuantity", "sampledOn", "testSealNumber",
      "testSampleQuantity", "backupSealNumber", "backupSampleQuantity", "reportNumber", "testConclusion",
      "nonconformingItems", "riskLevelName", "causesSummary", "problemsSummary", "visitLeadExpertName",
      "correctionDeadlineText", "reinspectionDeadlineText", "objectionDeadlineText", "retestLabName",
      "proposedOutcomeName", "listEntryName", "documentLinks", "componentTypeName", "supplierName", "supplierUscc",
      "componentLine", "onSiteChecklist", "onSiteFindings");

  private final CaseSummaryMapper mapper;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final OnSiteChecks onSiteChecks;

  public CaseSummary(CaseSummaryMapper mapper, TaskService taskService, IdentityService identityService,
                     OnSiteChecks onSiteChecks) {
    this.mapper = mapper;
    this.taskService = taskService;
    this.identityService = identityService;
    this.onSiteChecks = onSiteChecks;
  }

  /**
   * The named values of the task's case, for whoever may already read the task (the caller's
   * right is the engine's to check); empty for a task of no case.
   */
  public Map<String, String> ofTask(String taskId, Collection<String> names) {
    if (names.stream().noneMatch(NAMES::contains)) {
      return Map.of();
    }
    Map<String, Object> keys = SystemContext.asSystem(identityService, () -> taskService.getVariables(taskId, KEYS));
    return of(keys::get, names);
  }

  /** The named values of the case a step belongs to. */
  public Map<String, String> of(VariableScope step, Collection<String> names) {
    return of(step::getVariable, names);
  }

  private Map<String, String> of(Function<String, Object> variables, Collection<String> names) {
    if (!(variables.apply(MonitoringCases.CASE_ID) instanceof Number caseId)) {
      return Map.of();
    }
    Long testLabId = variables.apply("testLabId") instanceof Number lab ? lab.longValue() : null;
    SummaryRow row = mapper.row(caseId.longValue(), testLabId);
    if (row == null) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("caseNumber", row.caseNumber());
    values.put("enterpriseName", row.enterpriseName());
    values.put("enterpriseUscc", row.enterpriseUscc());
    values.put("enterpriseAddress", row.enterpriseAddress());
    values.put("districtName", row.districtName());
    values.put("productName", row.productName());
    values.put("productKindName", row.kindNameZh() + " " + row.kindNameEn());
    values.put("planLine", row.planLine());
    values.put("venueName", venueName(row.venue()));
    // the enterprise is where the sample was drawn; a sampled component's supplier answers for it (the
    // forms show this line, a line of its own, under the enterprise's; empty for any other case)
    if (row.supplierName() != null) {
      values.put("componentTypeName", row.componentNameZh() + " " + row.componentNameEn());
      values.put("supplierName", row.supplierName());
      values.put("supplierUscc", row.supplierUscc());
      values.put("componentLine", "**零部件 Component：** " + row.componentNameZh() + " " + row.componentNameEn()
          + "；**责任方（标称制造商）Responsible supplier (labelled manufacturer)：** " + row.supplierName()
          + "（统一社会信用代码 USCC " + row.supplierUscc() + "）\n");
    } else {
      values.put("componentLine", "");
    }
    if (row.samplerId() != null && names.contains("samplerName")) {
      values.put("samplerName", samplerName(row.samplerId()));
    }
    // in a lab test, the lab doing it (the re-test is another lab's); elsewhere the case's lab
    values.put("labName", row.testLabName() != null ? row.testLabName() : row.caseLabName());
    values.put("expertName", row.expertName());
    values.put("secondSampler", row.secondSampler());
    values.put("labelledManufacturer", row.labelledManufacturer());
    values.put("brand", row.brand());
    values.put("model", row.model());
    values.put("batchNumber", row.batchNumber());
    values.put("productionDate", text(row.productionDate()));
    values.put("cccCertificate", row.cccCertificate());
    values.put("stockQuantity", text(row.stockQuantity()));
    values.put("sampledOn", text(row.sampledOn()));
    values.put("testSealNumber", row.testSealNumber());
    values.put("testSampleQuantity", text(row.testSampleQuantity()));
    values.put("backupSealNumber", row.backupSealNumber());
    values.put("backupSampleQuantity", text(row.backupSampleQuantity()));
    values.put("reportNumber", row.reportNumber());
    if (row.conforming() != null) {
      values.put("testConclusion", row.conforming() ? "合格 Conforming" : "不合格 Nonconforming");
    }
    if (row.riskLevel() != null) {
      values.put("riskLevelName", RiskLevel.valueOf(row.riskLevel()).label());
    }
    values.put("visitLeadExpertName", row.visitLeadExpertName());
    // deadlines are kept in the regulator's local time: their day is the one the notice gave
    values.put("correctionDeadlineText", day(row.correctionDeadline()));
    values.put("reinspectionDeadlineText", day(row.reinspectionDeadline()));
    values.put("objectionDeadlineText", day(row.objectionDeadline()));
    values.put("retestLabName", row.retestLabName());
    if (variables.apply("closureOutcome") instanceof String proposed) {
      Outcome outcome = Outcome.valueOf(proposed);
      values.put("proposedOutcomeName", outcome.label());
      values.put("listEntryName", outcome.listEntry().label());
    }
    if (names.contains("onSiteChecklist") || names.contains("onSiteFindings")) {
      addOnSiteChecks(caseId.longValue(), values);
    }
    if (names.stream().anyMatch(LISTS::contains)) {
      addLists(caseId.longValue(), row.conforming() != null, values);
    }
    values.keySet().retainAll(Set.copyOf(names));
    values.values().removeIf(value -> value == null);
    return values;
  }

  /** What a notice needs to name its addressee: see {@link #addressee}. */
  public static final List<String> ADDRESSEE = List.of("enterpriseName", "supplierName", "supplierUscc",
      "componentTypeName");

  /**
   * The lines of a notice that name whom it is addressed to: the enterprise, or for a component
   * sampled at an assembly plant its supplier, with the plant where the sample was drawn.
   */
  public static String addressee(Map<String, String> shown) {
    if (shown.get("supplierName") == null) {
      return "企业 Enterprise: " + shown.get("enterpriseName") + '\n';
    }
    return "企业（零部件供应商）Enterprise (component supplier): " + shown.get("supplierName")
        + "（统一社会信用代码 USCC " + shown.get("supplierUscc") + "）\n"
        + "零部件 Component: " + shown.get("componentTypeName") + "，抽样于组装厂 sampled at the assembly plant "
        + shown.get("enterpriseName") + '\n';
  }

  private void addLists(long caseId, boolean reported, Map<String, String> values) {
    Map<String, List<SummaryLine>> lines = mapper.lines(caseId).stream()
        .collect(Collectors.groupingBy(SummaryLine::kind, LinkedHashMap::new, Collectors.toList()));
    if (reported) {
      values.put("nonconformingItems", lines.getOrDefault("ITEM", List.of()).stream()
          .map(item -> item.title() + " " + item.detail() + " " + item.requirement() + "：" + item.measured())
          .collect(Collectors.joining("\n")));
    }
    if (lines.containsKey("CAUSE")) {
      values.put("causesSummary", lines.get("CAUSE").stream()
          .map(cause -> Cause.Category.valueOf(cause.title()).label() + "：" + cause.detail())
          .collect(Collectors.joining("\n")));
    }
    if (lines.containsKey("PROBLEM")) {
      values.put("problemsSummary", lines.get("PROBLEM").stream().map(SummaryLine::title)
          .collect(Collectors.joining("\n")));
    }
    // markdown links the forms render; the download checks who may see the case
    List<SummaryLine> documents = lines.getOrDefault("DOCUMENT", List.of());
    values.put("documentLinks", documents.isEmpty() ? "无 None" : documents.stream()
        .map(d -> "[" + d.title().replace("]", "") + "](/api/documents/" + d.seq() + ") (SHA-256 "
            + d.detail().substring(0, 12) + "…)")
        .collect(Collectors.joining("；")));
  }

  /** The on-site checklist: how far it is answered, with a link to it, and its findings. */
  private void addOnSiteChecks(long caseId, Map<String, String> values) {
    OnSiteChecks.ChecklistView checklist = onSiteChecks.ofCase(caseId);
    if (checklist == null) {
      values.put("onSiteChecklist", "无 None");
      values.put("onSiteFindings", "");
      return;
    }
    values.put("onSiteChecklist", "第" + checklist.checklist().version() + "版 version " + checklist.checklist().version()
        + "，已答 " + checklist.answered() + "/" + checklist.items().size() + " 项 answered，发现问题 "
        + checklist.findings() + " 项 findings（[打开清单 Open the checklist](/sampling/"
        + checklist.heading().caseNumber() + "/checklist)）");
    values.put("onSiteFindings", checklist.items().stream()
        .filter(i -> i.answer() != null && i.answer().answer() == Answer.FINDING)
        .map(i -> "- " + i.item().title() + "：" + i.answer().note()
            + (i.answer().raiseProblem() ? "（作为问题跟踪 tracked as a problem）" : ""))
        .collect(Collectors.joining("\n")));
  }

  private String samplerName(String samplerId) {
    User sampler = SystemContext.withoutAuthorization(
        () -> identityService.createUserQuery().userId(samplerId).singleResult());
    return sampler == null ? samplerId : AssignmentOptions.fullName(sampler);
  }

  /** A venue this build does not know (added by a later release) is shown by its code. */
  private static String venueName(String venue) {
    try {
      return Venue.valueOf(venue).label();
    } catch (IllegalArgumentException unknown) {
      return venue;
    }
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static String day(LocalDateTime regulatorTime) {
    return regulatorTime == null ? null : regulatorTime.toLocalDate().toString();
  }
}
