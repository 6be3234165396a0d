package org.riskmonitor.publication;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.persistence.GeneratedId;
import org.riskmonitor.security.SystemContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Items for the public site. An item is proposed when a consumer alert is approved, a nonconforming
 * result stands after the objection phase, or a case closes onto the red or black list; its public
 * content is copied from the case then, and the publication process takes it to the manager. Our
 * table is the record; the process carries the item's number.
 */
@Service
public class Publications {

  public static final String PROCESS_KEY = "publication";
  public static final String CHANGE_PROCESS_KEY = "publication-change";
  /** Lines a public list or the regulator's list shows at most. */
  public static final int LIMIT = 200;

  private final PublicationMapper mapper;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final RegulatorClock clock;
  private final String regulator;

  public Publications(PublicationMapper mapper, RuntimeService runtimeService, IdentityService identityService,
                      RegulatorClock clock,
                      @Value("${riskmonitor.publication.regulator:天津市市场监督管理局 Tianjin Administration for Market Regulation}")
                      String regulator) {
    this.mapper = mapper;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.clock = clock;
    this.regulator = regulator;
  }

  /** Who publishes and takes the measures, as the public reads it: the regulator, never a person. */
  public String regulator() {
    return regulator;
  }

  /** A manager decided on the consumer alert of a case: an approved alert goes to the publication step. */
  public void consumerAlertDecided(VariableScope caseScope, long alertId, boolean approved) {
    if (approved) {
      proposeConsumerAlert(caseScope, alertId);
    }
  }

  private void proposeConsumerAlert(VariableScope caseScope, long alertId) {
    long caseId = caseId(caseScope);
    PublicationMapper.AlertText alert = mapper.alert(alertId);
    propose(caseScope, ItemType.CONSUMER_ALERT, alertId, alert.title(), mapper.caseFacts(caseId), failedItems(caseId),
        alert.content(), "发布消费提示，提醒消费者停止使用或谨慎使用；已要求企业查明原因、采取措施。"
            + " Consumer alert issued; the enterprise is required to find the causes and act on them.");
  }

  /** The nonconforming result stands after the objection phase (no objection, rejected, or re-test failed). */
  public void proposeMonitoringResult(VariableScope caseScope) {
    long caseId = caseId(caseScope);
    CaseFacts facts = mapper.caseFacts(caseId);
    propose(caseScope, ItemType.MONITORING_RESULT, null,
        facts.productName() + " 监测不合格 Nonconforming monitoring result", facts, failedItems(caseId), null,
        "已书面告知企业检验结果，企业须查明原因并整改。"
            + " The enterprise was told the result in writing and must find the causes and correct them.");
  }

  /** The case closed onto a list (RED or BLACK); {@code outcome} is how it ended, in both languages. */
  public void proposeListEntry(VariableScope caseScope, String listEntry, String outcome) {
    long caseId = caseId(caseScope);
    CaseFacts facts = mapper.caseFacts(caseId);
    ItemType type = "BLACK".equals(listEntry) ? ItemType.BLACK_LIST : ItemType.RED_LIST;
    propose(caseScope, type, null, facts.enterpriseName() + " " + type.label(), facts,
        type == ItemType.BLACK_LIST ? failedItems(caseId) : null, null, outcome);
  }

  private void propose(VariableScope caseScope, ItemType type, Long sourceMeasureId, String title, CaseFacts facts,
                       String failedItems, String hazard, String measures) {
    if (mapper.countOfCase(facts.caseId(), type.name()) > 0) {
      // a case publishes one item of each kind; a step repeated (a returned alert approved again) adds none
      return;
    }
    GeneratedId key = new GeneratedId();
    mapper.insert(new Publication(null, null, type.name(), facts.caseId(), sourceMeasureId, cut(title, 300),
        facts.productKind(), facts.productKindName(), facts.productName(), facts.brand(), facts.model(),
        facts.batchNumber(), facts.productionDate(), facts.enterpriseName(), facts.enterpriseUscc(),
        facts.componentName(), facts.districtCode(), facts.districtName(), cut(failedItems, 4000), cut(hazard, 4000),
        measures, regulator, null, clock.now(), null, null, null, null, null, null, null, null, null), key);
    String number = String.format("GS-%d-%06d", clock.today().getYear(), key.getId());
    mapper.number(key.getId(), number);
    Map<String, Object> variables = new HashMap<>();
    variables.put("publicNumber", number);
    variables.put("programmeNumber", number);
    variables.put("caseNumber", caseScope.getVariable("caseNumber"));
    variables.put("productName", facts.productName());
    variables.put("enterpriseName", facts.enterpriseName());
    variables.put("itemTypeName", type.label());
    // started on the system's behalf: whoever completed the case's step need not start processes
    SystemContext.asSystem(identityService,
        () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, number, variables));
  }

  /**
   * Publishes a bulletin a manager approved in the bulletin process. That approval is the
   * publication step, so the item is recorded as approved by that manager and published at once:
   * a bulletin is about a product kind, with no enterprise to tell first.
   */
  public Publication publishApprovedBulletin(String title, String productKind, String productKindName, String summary,
                                             String countermeasures, String managerId) {
    GeneratedId key = new GeneratedId();
    mapper.insert(new Publication(null, null, ItemType.BULLETIN.name(), null, null, cut(title, 300), productKind,
        productKindName, null, null, null, null, null, null, null, null, null, null, null, cut(summary, 4000),
        cut(countermeasures, 4000), regulator, null, clock.now(), null, null, null, null, null, null, null, null,
        null), key);
    String number = String.format("GS-%d-%06d", clock.today().getYear(), key.getId());
    mapper.number(key.getId(), number);
    decide(number, true, managerId, null);
    publish(number);
    return mapper.byNumber(number);
  }

  public Publication byNumber(String publicNumber) {
    return mapper.byNumber(publicNumber);
  }

  public void enterpriseNotified(String publicNumber) {
    mapper.enterpriseNotified(publicNumber, clock.now());
  }

  /**
   * The manager's decision; false if the item was decided already. An approved item stays PROPOSED,
   * with its approver, until the publishing step that follows publishes it.
   */
  public boolean decide(String publicNumber, boolean approved, String managerId, String reason) {
    return mapper.decide(publicNumber, approved ? PublicationStatus.PROPOSED.name() : PublicationStatus.REJECTED.name(),
        managerId, clock.now(), reason) == 1;
  }

  public void publish(String publicNumber) {
    Publication item = mapper.byNumber(publicNumber);
    LocalDateTime now = clock.now();
    if (mapper.publish(publicNumber, now) != 1) {
      throw new IllegalStateException(publicNumber + " is not an approved item awaiting publication");
    }
    mapper.insertChange(new PublicationChange(null, item.id(), PublicationChange.Kind.PUBLISHED.name(), null, null,
        item.approvedBy(), now));
  }

  /** A change the manager asks for from the regulator's list: a step in Tasklist, where the reason is given. */
  public enum ChangeKind { CORRECTION, WITHDRAWAL }

  /** Opens a correction or withdrawal step; false if the item is not published or a change is open already. */
  public boolean startChange(String publicNumber, ChangeKind kind) {
    if (mapper.claimChange(publicNumber, kind.name()) != 1) {
      return false;
    }
    Publication item = mapper.byNumber(publicNumber);
    Map<String, Object> variables = new HashMap<>();
    variables.put("publicNumber", publicNumber);
    variables.put("programmeNumber", publicNumber);
    variables.put("changeKind", kind.name());
    variables.put("productName", item.productName() == null ? item.title() : item.productName());
    variables.put("itemTypeName", item.type().label());
    SystemContext.asSystem(identityService,
        () -> runtimeService.startProcessInstanceByKey(CHANGE_PROCESS_KEY, publicNumber, variables));
    return true;
  }

  /** Records a correction of the public texts; false if the item is no longer awaiting this correction. */
  public boolean correct(Publication corrected, String whatChanged, String reason, String managerId) {
    LocalDateTime now = clock.now();
    if (mapper.correct(corrected.corrected(corrected.title(), corrected.failedItems(), corrected.hazard(),
        corrected.measures(), now)) != 1) {
      return false;
    }
    mapper.insertChange(new PublicationChange(null, corrected.id(), PublicationChange.Kind.CORRECTED.name(),
        whatChanged, reason, managerId, now));
    return true;
  }

  public boolean withdraw(String publicNumber, String reason, String managerId) {
    LocalDateTime now = clock.now();
    Publication item = mapper.byNumber(publicNumber);
    if (mapper.withdraw(publicNumber, now, reason) != 1) {
      return false;
    }
    mapper.insertChange(new PublicationChange(null, item.id(), PublicationChange.Kind.WITHDRAWN.name(), null, reason,
        managerId, now));
    return true;
  }

  public List<PublicationChange> changes(long publicationId) {
    return mapper.changes(publicationId);
  }

  public List<Publication> all() {
    return mapper.all(LIMIT);
  }

  /** Published items matching the filter, newest first, for the public site. */
  public List<Publication> published(PublicFilter filter) {
    return mapper.published(filter, LIMIT);
  }

  /** A published or withdrawn item by its number, or null: nothing else is public. */
  public Publication publicItem(String publicNumber) {
    return mapper.publicByNumber(publicNumber);
  }

  public List<Publication> withdrawn() {
    return mapper.withdrawn(LIMIT);
  }

  private String failedItems(long caseId) {
    List<String> items = mapper.failedItems(caseId);
    return items.isEmpty() ? null : String.join("\n", items);
  }

  private static long caseId(VariableScope scope) {
    return ((Number) scope.getVariable("caseId")).longValue();
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
