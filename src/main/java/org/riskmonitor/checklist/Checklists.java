package org.riskmonitor.checklist;

import java.util.ArrayList;
import java.util.List;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.input.TextRules;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The product kinds' checklists and their versions. A checklist is never changed in place: an edit
 * is the next version, in force for samplings assigned from then on, so a case already under way
 * keeps answering the version it was given.
 */
@Service
public class Checklists {

  /** One item as an editor writes it; the position is its place in the list. */
  public record ItemDraft(CheckArea area, String title, String method, String findingCriterion) {
  }

  static final int MAX_ITEMS = 60;

  private final ChecklistMapper mapper;
  private final RegulatorClock clock;

  public Checklists(ChecklistMapper mapper, RegulatorClock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** The version in force for a product kind; null for a kind without a checklist. */
  public Checklist inForce(String productKind) {
    return mapper.latest(productKind);
  }

  public List<Checklist> versions(String productKind) {
    return mapper.versions(productKind);
  }

  public Checklist checklist(long id) {
    return mapper.checklist(id);
  }

  public List<ChecklistItem> items(long checklistId) {
    return mapper.items(checklistId);
  }

  /** Every product kind with the version in force, its date and its number of items. */
  public List<KindChecklist> kinds() {
    return mapper.kinds();
  }

  /** One product kind with its checklist in force; null for an unknown kind. */
  public KindChecklist kind(String productKind) {
    return mapper.kind(productKind);
  }

  /**
   * Makes the next version of a kind's checklist from the edited items. Refused, writing nothing:
   * no items or too many, an item without what to look at, how or what counts as a finding, a text
   * too long or with markup, or a version made by someone else since the editor opened it.
   */
  @Transactional
  public Checklist revise(String productKind, int editedVersion, List<ItemDraft> drafts, String changeNote,
                          String editedBy) {
    Checklist current = mapper.latest(productKind);
    if (current == null) {
      throw new ChecklistRefusal(HttpStatus.NOT_FOUND, "没有这个产品种类的检查清单 No checklist for this product kind");
    }
    List<String> problems = new ArrayList<>();
    if (drafts == null || drafts.isEmpty() || drafts.size() > MAX_ITEMS) {
      problems.add("检查项须为1至" + MAX_ITEMS + "项 A checklist has 1 to " + MAX_ITEMS + " items");
    } else {
      for (int i = 0; i < drafts.size(); i++) {
        ItemDraft draft = drafts.get(i);
        String at = "第" + (i + 1) + "项 Item " + (i + 1) + "：";
        if (draft.area() == null) {
          problems.add(at + "请选择检查类别 choose the area");
        }
        check(problems, at + "检查内容 What to look at", draft.title(), 200);
        check(problems, at + "检查方法 How to check", draft.method(), 1000);
        check(problems, at + "问题判定 What counts as a finding", draft.findingCriterion(), 1000);
      }
    }
    check(problems, "修订说明 Change note", changeNote, 500);
    if (!problems.isEmpty()) {
      throw ChecklistRefusal.badRequest(String.join("；", problems));
    }
    if (current.version() != editedVersion) {
      throw staleEdit(current);
    }
    GeneratedId key = new GeneratedId();
    try {
      mapper.insertChecklist(productKind, current.version() + 1, changeNote.strip(), editedBy, clock.now(), key);
    } catch (DuplicateKeyException concurrent) {
      throw staleEdit(current);
    }
    for (int i = 0; i < drafts.size(); i++) {
      ItemDraft draft = drafts.get(i);
      mapper.insertItem(new ChecklistItem(null, key.getId(), i + 1, draft.area(), draft.title().strip(),
          draft.method().strip(), draft.findingCriterion().strip()));
    }
    return mapper.checklist(key.getId());
  }

  private static ChecklistRefusal staleEdit(Checklist current) {
    return new ChecklistRefusal(HttpStatus.CONFLICT, "清单已被他人修订为第" + current.version()
        + "版以上，请重新打开后再修改 Someone else saved a newer version; reopen the checklist and edit again");
  }

  private static void check(List<String> problems, String label, String text, int maxLength) {
    if (text == null || text.isBlank()) {
      problems.add(label + "：必填 is required");
    } else if (text.length() > maxLength) {
      problems.add(label + "：不得超过" + maxLength + "字 at most " + maxLength + " characters");
    } else {
      String problem = TextRules.problem(text);
      if (problem != null) {
        problems.add(label + "：" + problem);
      }
    }
  }
}
