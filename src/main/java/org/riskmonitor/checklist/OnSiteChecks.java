package org.riskmonitor.checklist;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.document.CaseDocument;
import org.riskmonitor.document.CaseDocuments;
import org.riskmonitor.document.DocumentKind;
import org.riskmonitor.input.TextRules;
import org.riskmonitor.security.Roles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * A case's on-site checklist as the sampler fills it on a phone. Only the case's sampler and the
 * regulator's staff read or fill it; it is open from the sampler's assignment until the sampling
 * slip is submitted. Every change carries an id the device chose: a change sent twice (the reply was
 * lost with the connection) is applied once, and an answer carries the revision the device saw, so
 * two devices never overwrite each other unseen.
 */
@Service
public class OnSiteChecks {

  static final int MAX_NOTE = 1000;
  static final int MAX_PHOTOS_PER_ITEM = 10;
  private static final Pattern CHANGE_ID = Pattern.compile("[A-Za-z0-9-]{8,36}");
  private static final Pattern CASE_NUMBER = Pattern.compile("[A-Z]{2}-\\d{4}-\\d{6,9}");
  private static final List<String> STAFF = List.of(Roles.COORDINATORS, Roles.MANAGERS, Roles.ADMINS);

  /** An answer as a device sends it. */
  public record AnswerChange(String changeId, Long itemId, String answer, String note, Boolean raiseProblem,
                             Integer baseRevision) {
  }

  /** What a device is told after an answer: the item's revision now; {@code duplicate} if it was received before. */
  public record AnswerReceipt(String changeId, long itemId, int revision, boolean duplicate) {
  }

  /** What a device is told after a photo: the stored document and its SHA-256. */
  public record PhotoReceipt(String changeId, long itemId, long documentId, String fileName, String sha256,
                             boolean duplicate) {
  }

  /** One item with its answer (if any) and photos, as the page and the API show it. */
  public record ItemView(ChecklistItem item, ItemAnswer answer, List<ItemPhoto> photos) {

    public int revision() {
      return answer == null ? 0 : answer.revision();
    }
  }

  /** The checklist of a case as its sampler sees it. */
  public record ChecklistView(CaseHeading heading, Checklist checklist, CaseChecklist filling, List<ItemView> items) {

    public long answered() {
      return items.stream().filter(i -> i.answer() != null).count();
    }

    public long findings() {
      return items.stream().filter(i -> i.answer() != null && i.answer().answer() == Answer.FINDING).count();
    }
  }

  private record Context(MonitoringCase monitoringCase, CaseChecklist filling, String userId) {
  }

  private final ChecklistMapper mapper;
  private final Checklists checklists;
  private final MonitoringCases cases;
  private final CaseDocuments documents;
  private final IdentityService identityService;
  private final TransactionTemplate transaction;
  private final RegulatorClock clock;

  public OnSiteChecks(ChecklistMapper mapper, Checklists checklists, MonitoringCases cases, CaseDocuments documents,
                      IdentityService identityService, TransactionTemplate transaction, RegulatorClock clock) {
    this.mapper = mapper;
    this.checklists = checklists;
    this.cases = cases;
    this.documents = documents;
    this.identityService = identityService;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Gives the case a checklist to fill when its sampler is assigned: the version the case was given
   * at its first sampling, else the version in force now. A sampling repeated (the lab refused the
   * sample) gets a fresh filling of the same version; a new sampler takes over an open filling.
   */
  public void openFor(long caseId, String productKind, String samplerId) {
    CaseChecklist open = mapper.openOfCase(caseId);
    if (open != null) {
      mapper.reassign(open.id(), samplerId);
      return;
    }
    Long pinned = mapper.checklistOfCase(caseId);
    Checklist inForce = pinned == null ? checklists.inForce(productKind) : null;
    if (pinned == null && inForce == null) {
      return;
    }
    mapper.open(caseId, pinned != null ? pinned : inForce.id(), samplerId, clock.now());
  }

  /** Items of the case's open checklist not answered yet; 0 for a case without one. */
  public int unanswered(long caseId) {
    CaseChecklist open = mapper.openOfCase(caseId);
    if (open == null) {
      return 0;
    }
    return mapper.items(open.checklistId()).size() - mapper.answers(open.id()).size();
  }

  /** The slip is submitted: the checklist is kept with it and takes no more answers. */
  public void closeWithSlip(long caseId, long slipId) {
    CaseChecklist open = mapper.openOfCase(caseId);
    if (open != null) {
      mapper.close(open.id(), slipId, clock.now());
    }
  }

  /** The case's checklist (the open one, else the last submitted) for its sampler or the staff. */
  public ChecklistView view(String caseNumber) {
    Context context = context(caseNumber);
    return view(context.monitoringCase().id(), context.filling());
  }

  /** The case's latest checklist for the system's own use (summaries, the case page); null if it has none. */
  public ChecklistView ofCase(long caseId) {
    CaseChecklist filling = mapper.currentOfCase(caseId);
    return filling == null ? null : view(caseId, filling);
  }

  private ChecklistView view(long caseId, CaseChecklist filling) {
    Map<Long, ItemAnswer> answers = mapper.answers(filling.id()).stream()
        .collect(Collectors.toMap(ItemAnswer::itemId, Function.identity()));
    Map<Long, List<ItemPhoto>> photos = mapper.photos(filling.id()).stream()
        .collect(Collectors.groupingBy(ItemPhoto::itemId));
    List<ItemView> items = mapper.items(filling.checklistId()).stream()
        .map(item -> new ItemView(item, answers.get(item.id()), photos.getOrDefault(item.id(), List.of())))
        .toList();
    return new ChecklistView(mapper.heading(caseId), mapper.checklist(filling.checklistId()), filling, items);
  }

  /** Findings the sampler asked to track as problems, not yet problems, with what the item looked at. */
  public record RaisedFinding(long answerId, String itemTitle, String note, LocalDate foundOn) {

    public String description() {
      return "现场检查发现 On-site finding：" + itemTitle + "：" + note;
    }
  }

  public List<RaisedFinding> findingsToRaise(long caseId) {
    return mapper.findingsToRaise(caseId).stream()
        .map(a -> new RaisedFinding(a.id(), mapper.item(a.itemId()).title(), a.note(), a.answeredAt().toLocalDate()))
        .toList();
  }

  public AnswerReceipt answer(String caseNumber, AnswerChange change) {
    Context context = openContext(caseNumber);
    String changeId = changeId(change.changeId());
    ChecklistItem item = itemOf(context, change.itemId());
    Answer answer = Answer.named(change.answer());
    if (answer == null) {
      throw ChecklistRefusal.badRequest("答案须为 CONFORMING、FINDING 或 NOT_APPLICABLE "
          + "The answer is CONFORMING, FINDING or NOT_APPLICABLE");
    }
    String note = note(change.note(), answer);
    boolean raise = answer == Answer.FINDING && Boolean.TRUE.equals(change.raiseProblem());
    int base = change.baseRevision() == null ? -1 : change.baseRevision();
    if (base < 0) {
      throw ChecklistRefusal.badRequest("缺少设备所见的版本号 baseRevision is required (0 for an item not answered yet)");
    }
    ReceivedChange prior = mapper.change(changeId);
    if (prior != null) {
      return replayed(prior, context, item);
    }
    try {
      return transaction.execute(status -> {
        LocalDateTime now = clock.now();
        mapper.claimChange(changeId, context.filling().id(), item.id(), context.userId(), now);
        ItemAnswer current = mapper.answer(context.filling().id(), item.id());
        int revision;
        if (current == null && base == 0) {
          mapper.insertAnswer(context.filling().id(), item.id(), answer, note, raise, context.userId(), now);
          revision = 1;
        } else if (current != null && current.revision() == base
            && mapper.updateAnswer(context.filling().id(), item.id(), base, answer, note, raise, context.userId(), now) == 1) {
          revision = base + 1;
        } else if (current != null && current.answer() == answer && Objects.equals(current.note(), note)
            && current.raiseProblem() == raise) {
          // the other device said the same: nothing to choose between
          revision = current.revision();
        } else {
          throw ChecklistRefusal.changedElsewhere(mapper.answer(context.filling().id(), item.id()));
        }
        mapper.recordOutcome(changeId, revision, null);
        return new AnswerReceipt(changeId, item.id(), revision, false);
      });
    } catch (DuplicateKeyException raced) {
      // the same change arrived twice at once, or two devices answered a new item at once
      ReceivedChange other = mapper.change(changeId);
      if (other != null) {
        return replayed(other, context, item);
      }
      throw ChecklistRefusal.changedElsewhere(mapper.answer(context.filling().id(), item.id()));
    }
  }

  public PhotoReceipt addPhoto(String caseNumber, Long itemId, String changeIdSent, MultipartFile file) {
    Context context = openContext(caseNumber);
    String changeId = changeId(changeIdSent);
    ChecklistItem item = itemOf(context, itemId);
    ReceivedChange prior = mapper.change(changeId);
    if (prior != null) {
      return photoReplayed(prior, context, item);
    }
    long photosOfItem = mapper.photos(context.filling().id()).stream().filter(p -> p.itemId() == item.id()).count();
    if (photosOfItem >= MAX_PHOTOS_PER_ITEM) {
      throw ChecklistRefusal.badRequest("每项最多" + MAX_PHOTOS_PER_ITEM + "张照片 At most " + MAX_PHOTOS_PER_ITEM
          + " photos per item");
    }
    try {
      return transaction.execute(status -> {
        mapper.claimChange(changeId, context.filling().id(), item.id(), context.userId(), clock.now());
        CaseDocument stored = documents.upload(context.monitoringCase().caseNumber(), DocumentKind.SAMPLING_PHOTO.name(),
            file);
        mapper.recordOutcome(changeId, null, stored.id());
        return new PhotoReceipt(changeId, item.id(), stored.id(), stored.fileName(), stored.sha256(), false);
      });
    } catch (DuplicateKeyException raced) {
      ReceivedChange other = mapper.change(changeId);
      if (other == null) {
        throw raced;
      }
      return photoReplayed(other, context, item);
    }
  }

  private AnswerReceipt replayed(ReceivedChange prior, Context context, ChecklistItem item) {
    sameTarget(prior, context, item);
    if (prior.revision() == null) {
      throw reusedChangeId();
    }
    return new AnswerReceipt(prior.changeId(), item.id(), prior.revision(), true);
  }

  private PhotoReceipt photoReplayed(ReceivedChange prior, Context context, ChecklistItem item) {
    sameTarget(prior, context, item);
    if (prior.documentId() == null) {
      throw reusedChangeId();
    }
    ItemPhoto photo = mapper.photos(context.filling().id()).stream()
        .filter(p -> p.documentId() == prior.documentId()).findFirst().orElseThrow();
    return new PhotoReceipt(prior.changeId(), item.id(), photo.documentId(), photo.fileName(), photo.sha256(), true);
  }

  private static void sameTarget(ReceivedChange prior, Context context, ChecklistItem item) {
    if (prior.caseChecklistId() != context.filling().id() || prior.itemId() != item.id()) {
      throw reusedChangeId();
    }
  }

  private static ChecklistRefusal reusedChangeId() {
    return ChecklistRefusal.badRequest("该变更编号已用于其他内容 This change id was already used for something else");
  }

  private ChecklistItem itemOf(Context context, Long itemId) {
    if (itemId == null) {
      throw ChecklistRefusal.badRequest("缺少检查项 itemId is required");
    }
    return mapper.items(context.filling().checklistId()).stream().filter(i -> i.id().equals(itemId)).findFirst()
        .orElseThrow(() -> ChecklistRefusal.badRequest("本案的检查清单没有这一项 No such item on this case's checklist"));
  }

  private static String changeId(String changeId) {
    if (changeId == null || !CHANGE_ID.matcher(changeId).matches()) {
      throw ChecklistRefusal.badRequest("变更编号须为8至36位字母、数字或连字符 changeId is 8 to 36 letters, digits or hyphens");
    }
    return changeId;
  }

  private static String note(String note, Answer answer) {
    String stripped = note == null ? "" : note.strip();
    if (answer == Answer.FINDING && stripped.isEmpty()) {
      throw ChecklistRefusal.badRequest("发现问题时须写明情况 Describe the finding in the note");
    }
    if (stripped.length() > MAX_NOTE) {
      throw ChecklistRefusal.badRequest("备注不得超过" + MAX_NOTE + "字 The note is at most " + MAX_NOTE + " characters");
    }
    String problem = TextRules.problem(stripped);
    if (problem != null) {
      throw ChecklistRefusal.badRequest("备注 Note：" + problem);
    }
    return stripped.isEmpty() ? null : stripped;
  }

  private Context openContext(String caseNumber) {
    Context context = context(caseNumber);
    if (!context.filling().open()) {
      throw new ChecklistRefusal(HttpStatus.CONFLICT,
          "抽样单已提交，现场检查清单不能再修改 The sampling slip was submitted; the checklist can no longer change");
    }
    return context;
  }

  /** The case and its checklist, if the caller is its sampler or the regulator's staff. */
  private Context context(String caseNumber) {
    Authentication caller = identityService.getCurrentAuthentication();
    if (caller == null || caller.getUserId() == null) {
      throw new ChecklistRefusal(HttpStatus.UNAUTHORIZED, "请先登录 Authentication required");
    }
    MonitoringCase monitoringCase = caseNumber != null && CASE_NUMBER.matcher(caseNumber).matches()
        ? cases.byNumber(caseNumber) : null;
    if (monitoringCase == null) {
      throw new ChecklistRefusal(HttpStatus.NOT_FOUND, "案件不存在 Case not found");
    }
    boolean staff = caller.getGroupIds() != null && caller.getGroupIds().stream().anyMatch(STAFF::contains);
    if (!staff && !caller.getUserId().equals(monitoringCase.samplerId())) {
      throw new ChecklistRefusal(HttpStatus.FORBIDDEN, "只有本案的抽样人员和监管人员可以查看或填写现场检查清单 "
          + "Only the case's sampler and the regulator's staff may read or fill its on-site checklist");
    }
    CaseChecklist filling = mapper.currentOfCase(monitoringCase.id());
    if (filling == null) {
      throw new ChecklistRefusal(HttpStatus.NOT_FOUND,
          "本案尚无现场检查清单，指派抽样人员后生成 This case has no on-site checklist until its sampler is assigned");
    }
    return new Context(monitoringCase, filling, caller.getUserId());
  }
}
