package org.riskmonitor.bulletin;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.document.DocumentStore;
import org.riskmonitor.officialdocument.OfficialDocumentKind;
import org.riskmonitor.officialdocument.OfficialDocuments;
import org.riskmonitor.persistence.GeneratedId;
import org.riskmonitor.publication.Publication;
import org.riskmonitor.publication.Publications;
import org.riskmonitor.risk.Cause;
import org.springframework.stereotype.Service;

/**
 * Situation-analysis bulletins on a hot product kind: drafted from the data of the period, written by
 * an expert, approved by a manager, then issued as a numbered PDF and published on the public site.
 */
@Service
public class Bulletins {

  public static final String PROCESS_KEY = "bulletin";
  public static final String BULLETIN_ID = "bulletinId";

  private final BulletinMapper mapper;
  private final OfficialDocuments documents;
  private final Publications publications;
  private final RegulatorClock clock;

  public Bulletins(BulletinMapper mapper, OfficialDocuments documents, Publications publications,
                   RegulatorClock clock) {
    this.mapper = mapper;
    this.documents = documents;
    this.publications = publications;
    this.clock = clock;
  }

  /**
   * Drafts the figures of the kind over [from, to] (inclusive dates), with the nonconformity rate of
   * the period of the same length just before, for the trend.
   */
  public Bulletin draft(String productKind, LocalDate from, LocalDate to, String draftedBy) {
    LocalDate end = to.plusDays(1);
    long days = ChronoUnit.DAYS.between(from, end);
    BulletinMapper.Counts now = mapper.counts(productKind, from, end);
    BulletinMapper.Counts before = mapper.counts(productKind, from.minusDays(days), from);
    Bulletin draft = new Bulletin(null, productKind, mapper.kindName(productKind), from, to, now.batchesSampled(),
        now.batchesTested(), now.nonconforming(), before.batchesTested(), before.nonconforming(),
        lines(mapper.failedClauses(productKind, from, end)), lines(causes(productKind, from, end)),
        now.enterprisesAssisted(), now.problemsFound(), now.problemsSolved(), null, null, "DRAFTED", draftedBy,
        clock.now(), null, null, null, null, null, null, null);
    GeneratedId key = new GeneratedId();
    mapper.insert(draft, key);
    return mapper.find(key.getId());
  }

  public Bulletin find(long id) {
    return mapper.find(id);
  }

  /** The number every task card of the bulletin shows: ZK (专刊) and its id. */
  public static String number(Bulletin bulletin) {
    return String.format("ZK-%06d", bulletin.id());
  }

  public boolean write(long id, String analysis, String countermeasures, String expertId) {
    return mapper.write(id, analysis, countermeasures, expertId) == 1;
  }

  public boolean sendBack(long id, String reason) {
    return mapper.sendBack(id, reason) == 1;
  }

  public boolean approve(long id, String managerId) {
    return mapper.approve(id, managerId, clock.now()) == 1;
  }

  /**
   * Lays the approved bulletin out as a numbered PDF and publishes it: the manager's approval in
   * the bulletin process is the publication step (see {@link Publications#publishApprovedBulletin}).
   */
  public Publication issue(long id) {
    Bulletin b = mapper.find(id);
    OfficialDocuments.Issued pdf = documents.issueWithoutCase(OfficialDocumentKind.BULLETIN, Map.of(
        "productKindName", b.productKindName(),
        "periodFrom", OfficialDocuments.day(b.periodFrom().atStartOfDay()),
        "periodTo", OfficialDocuments.day(b.periodTo().atStartOfDay()),
        "figures", b.figuresText(),
        "analysis", b.analysis(),
        "countermeasures", b.countermeasures()));
    Publication item = publications.publishApprovedBulletin(
        "形势分析专刊 Bulletin：" + b.productKindName() + " " + b.periodFrom() + "—" + b.periodTo(),
        b.productKind(), b.productKindName(),
        "不合格率 Nonconformity rate " + b.rate() + "（上期 previous period " + b.previousRate() + "，" + b.trend()
            + "）；检验 tested " + b.batchesTested() + " 批 batches。文号 No. " + pdf.number(),
        b.countermeasures(), b.approvedBy());
    if (mapper.issued(id, pdf.number(), pdf.pdf(), DocumentStore.sha256(pdf.pdf()), item.id()) != 1) {
      throw new IllegalStateException("bulletin " + id + " is not an approved bulletin awaiting its PDF");
    }
    return item;
  }

  /** The PDF of a published bulletin item, or null for any other number. */
  public byte[] publishedPdf(String publicNumber) {
    BulletinMapper.Pdf pdf = mapper.publishedPdf(publicNumber);
    return pdf == null ? null : pdf.pdf();
  }

  /** Causes by category, named as the expert chose them (risk.Cause.Category). */
  private List<BulletinMapper.Line> causes(String productKind, LocalDate from, LocalDate end) {
    return mapper.causes(productKind, from, end).stream()
        .map(line -> new BulletinMapper.Line(Cause.Category.valueOf(line.label()).label(), line.count())).toList();
  }

  private static String lines(List<BulletinMapper.Line> lines) {
    return lines.isEmpty() ? null
        : lines.stream().map(l -> l.label() + "（" + l.count() + "）").collect(Collectors.joining("\n"));
  }
}
