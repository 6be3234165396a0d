package org.riskmonitor.officialdocument;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.document.CaseDocument;
import org.riskmonitor.document.DocumentStore;
import org.riskmonitor.form.CurrentUser;
import org.riskmonitor.persistence.GeneratedId;
import org.riskmonitor.summary.CaseSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues the regulator's official documents on a case: fills the kind's template with the case's
 * values, gives it the next number of its kind and year, lays it out as a PDF, keeps it as a case
 * document (SHA-256) and records it; a document addressed to the enterprise is then served on it
 * (process {@code document-service}: the enterprise confirms receipt in its task list).
 */
@Service
public class OfficialDocuments {

  public static final String SERVICE_PROCESS = "document-service";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  /** What every document may say of its case; each template uses those it needs. */
  private static final List<String> CASE_VALUES = List.of("caseNumber", "enterpriseName", "enterpriseUscc",
      "enterpriseAddress", "productName", "productKindName", "brand", "model", "batchNumber", "productionDate",
      "labName", "reportNumber", "testConclusion", "nonconformingItems", "riskLevelName", "proposedOutcomeName", "listEntryName");

  private final OfficialDocumentMapper mapper;
  private final DocumentStore documents;
  private final CaseSummary summary;
  private final MonitoringCases cases;
  private final RegulatorClock clock;
  private final PdfLayout layout;
  private final RuntimeService runtimeService;
  private final TransactionTemplate ownTransaction;
  private final String issuer;
  private final String englishIssuer;
  private final Map<OfficialDocumentKind, DocumentTemplate> templates = new EnumMap<>(OfficialDocumentKind.class);

  public OfficialDocuments(OfficialDocumentMapper mapper, DocumentStore documents, CaseSummary summary,
                           MonitoringCases cases, RegulatorClock clock, PdfLayout layout, RuntimeService runtimeService,
                           PlatformTransactionManager transactionManager,
                           @Value("${riskmonitor.official-documents.issuer}") String issuer,
                           @Value("${riskmonitor.official-documents.issuer-en}") String englishIssuer) {
    this.mapper = mapper;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.documents = documents;
    this.summary = summary;
    this.cases = cases;
    this.clock = clock;
    this.layout = layout;
    this.runtimeService = runtimeService;
    this.issuer = issuer;
    this.englishIssuer = englishIssuer;
    // read at start-up, so a broken template stops the application rather than a case
    for (OfficialDocumentKind kind : OfficialDocumentKind.values()) {
      templates.put(kind, DocumentTemplate.load(kind));
    }
  }

  /** A date as the documents write it: 2026年12月17日. */
  public static String day(LocalDateTime regulatorTime) {
    return regulatorTime.format(DAY);
  }

  /** A deadline a document sets, also in ISO form for the English text: 2026年12月17日（2026-12-17）. */
  public static String deadline(LocalDateTime regulatorTime) {
    return day(regulatorTime) + "（" + regulatorTime.toLocalDate() + "）";
  }

  /**
   * Issues a document of the step's case, in the step's transaction: nothing is numbered or kept if
   * the step fails. {@code values} are what the step adds to the case's own (deadlines, texts).
   */
  public OfficialDocument issue(VariableScope step, OfficialDocumentKind kind, Map<String, String> values) {
    long caseId = cases.idOf(step);
    List<String> names = new ArrayList<>(CASE_VALUES);
    names.addAll(CaseSummary.ADDRESSEE);
    Map<String, String> filled = new HashMap<>(summary.of(step, names));
    filled.putAll(values);
    addressee(filled);
    DocumentTemplate template = templates.get(kind);
    LocalDateTime now = clock.now();
    int year = now.getYear();
    int seq = nextNumber(kind, year);
    String number = template.numberPrefix() + "〔" + year + "〕" + seq + "号";
    filled.put("documentNumber", number);
    filled.put("issueDate", day(now));
    filled.put("legalBasis", template.legalBasis());
    byte[] pdf = layout.render(new PdfLayout.Content(template.title(), template.englishTitle(), number,
        template.paragraphs(filled), List.of(issuer, englishIssuer, day(now))));
    String caseNumber = filled.get("caseNumber");
    CaseDocument stored = documents.store(caseId, kind.name(),
        caseNumber + "-" + kind.template() + "-" + year + "-" + seq + ".pdf", "application/pdf", pdf, CurrentUser.SYSTEM);
    OfficialDocument document = new OfficialDocument(null, caseId, kind.name(), year, seq, number, stored.id(),
        template.legalBasis(), now, null, null);
    GeneratedId key = new GeneratedId();
    mapper.insert(document, key);
    Object enterpriseGroup = step.getVariable("enterpriseGroup");
    if (kind.servedOnEnterprise() && enterpriseGroup instanceof String group) {
      serve(key.getId(), stored.id(), number, template, group, filled);
    }
    return mapper.find(key.getId());
  }

  /** A document of no case (a bulletin): its number and its PDF, for the caller to keep. */
  public record Issued(String number, byte[] pdf) {
  }

  /**
   * Issues a document that belongs to no case, in the caller's transaction: numbered like the
   * others (kind and year) and laid out from its template with {@code values}; the caller keeps the
   * PDF, since case documents and {@code rm_official_document} rows need a case.
   */
  public Issued issueWithoutCase(OfficialDocumentKind kind, Map<String, String> values) {
    Map<String, String> filled = new HashMap<>(values);
    DocumentTemplate template = templates.get(kind);
    LocalDateTime now = clock.now();
    int year = now.getYear();
    String number = template.numberPrefix() + "〔" + year + "〕" + nextNumber(kind, year) + "号";
    filled.put("documentNumber", number);
    filled.put("issueDate", day(now));
    filled.put("legalBasis", template.legalBasis());
    byte[] pdf = layout.render(new PdfLayout.Content(template.title(), template.englishTitle(), number,
        template.paragraphs(filled), List.of(issuer, englishIssuer, day(now))));
    return new Issued(number, pdf);
  }

  public OfficialDocument find(long officialDocumentId) {
    return mapper.find(officialDocumentId);
  }

  public List<OfficialDocument> ofCase(long caseId) {
    return mapper.ofCase(caseId);
  }

  /** Records the enterprise's receipt; false when it was already recorded. */
  public boolean receive(long officialDocumentId, String receivedBy) {
    return mapper.receive(officialDocumentId, receivedBy, clock.now()) == 1;
  }

  /**
   * The next number of the kind in the year. The counter row is incremented before it is read, so
   * it stays locked until this transaction ends and a second node issuing at once waits for the
   * next number. The year's first document creates the row first.
   */
  int nextNumber(OfficialDocumentKind kind, int year) {
    if (mapper.increment(kind.name(), year) == 0) {
      openYear(kind, year);
      mapper.increment(kind.name(), year);
    }
    return mapper.taken(kind.name(), year);
  }

  /**
   * Creates the year's counter in a transaction of its own, committed at once. Created inside the
   * issuing transaction, the node losing the race would keep the shared lock of its duplicate-key
   * check and then ask for the row's exclusive lock: on MySQL two nodes doing so deadlock.
   */
  private void openYear(OfficialDocumentKind kind, int year) {
    try {
      ownTransaction.executeWithoutResult(status -> mapper.startYear(kind.name(), year));
    } catch (DuplicateKeyException createdMeanwhile) {
      // the other node's row is there to increment
    }
  }

  /** The enterprise's task to confirm receipt, keyed by the document's number (the case keeps one task of its own). */
  private void serve(long officialDocumentId, long documentId, String number, DocumentTemplate template, String group,
                     Map<String, String> values) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("officialDocumentId", officialDocumentId);
    variables.put("documentNumber", number);
    variables.put("documentTitle", template.title() + " " + template.englishTitle());
    variables.put("documentLink", "[" + template.title() + " " + number + "](/api/documents/" + documentId + ")");
    variables.put("enterpriseGroup", group);
    variables.put("caseNumber", values.get("caseNumber"));
    variables.put("enterpriseName", values.get("addresseeName"));
    variables.put("productName", values.get("productName"));
    variables.put("phaseName", "文书送达 Service of a document");
    runtimeService.startProcessInstanceByKey(SERVICE_PROCESS, number, variables);
  }

  /** Whom the document is addressed to: the enterprise, or for a sampled component its supplier. */
  private static void addressee(Map<String, String> values) {
    if (values.get("supplierName") == null) {
      values.put("addresseeName", values.get("enterpriseName"));
      values.put("addresseeUscc", values.get("enterpriseUscc"));
    } else {
      values.put("addresseeName", values.get("supplierName"));
      values.put("addresseeUscc", values.get("supplierUscc"));
    }
    values.put("addresseeLines", CaseSummary.addressee(values).strip());
  }
}
