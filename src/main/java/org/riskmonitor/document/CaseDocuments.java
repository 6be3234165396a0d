package org.riskmonitor.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.riskmonitor.cases.MonitoringCase;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.web.BadRequests;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents of a case as people upload, list and download them: only those who may see the case
 * (see {@link CaseAccess}), only PDF, JPEG or PNG proven by the content, only up to the size limit.
 * A refused upload stores nothing.
 */
@Service
public class CaseDocuments {

  static final String TYPE_NOT_ALLOWED = "文件类型不允许，仅限PDF、JPEG、PNG File type not allowed: PDF, JPEG or PNG only";

  private final DocumentStore store;
  private final MonitoringCases cases;
  private final CaseAccess access;
  private final IdentityService identityService;
  private final DocumentLimits limits;

  public CaseDocuments(DocumentStore store, MonitoringCases cases, CaseAccess access, IdentityService identityService,
                       DocumentLimits limits) {
    this.store = store;
    this.cases = cases;
    this.access = access;
    this.identityService = identityService;
    this.limits = limits;
  }

  /** A downloaded document: its metadata and its bytes. */
  public record Download(CaseDocument document, byte[] content) {
  }

  /** An upload that passed every check: its kind, its safe name, its proven type and its bytes. */
  record CheckedFile(DocumentKind kind, String fileName, FileType type, byte[] content) {
  }

  public CaseDocument upload(String caseNumber, String kindName, MultipartFile file) {
    MonitoringCase monitoringCase = visibleCase(caseNumber);
    CheckedFile checked = check(kindName, file);
    return store.store(monitoringCase.id(), checked.kind().name(), checked.fileName(), checked.type().contentType(),
        checked.content(), caller().getUserId());
  }

  /**
   * A file another system sends for a case in the engine's transaction (a lab's LIMS sends its
   * report PDF with the completed step), held to the rules of an upload; nothing is stored if
   * the step is refused, since the transaction rolls back.
   */
  public CaseDocument attach(long caseId, String kindName, String fileName, byte[] content, String attachedBy) {
    CheckedFile checked = check(kindName, fileName, content == null ? 0 : content.length, () -> content);
    return store.store(caseId, checked.kind().name(), checked.fileName(), checked.type().contentType(),
        checked.content(), attachedBy);
  }

  /** The same rules for every upload, to a case or to one of its tasks; a refusal is thrown before anything is stored. */
  CheckedFile check(String kindName, MultipartFile file) {
    return check(kindName, file == null ? null : file.getOriginalFilename(), file == null ? 0 : file.getSize(),
        () -> bytesOf(file));
  }

  private CheckedFile check(String kindName, String originalName, long size, Supplier<byte[]> bytes) {
    DocumentKind kind = DocumentKind.named(kindName);
    if (kind == null) {
      throw DocumentRefusal.badRequest("文件类别无效 Unknown document kind: " + List.of(DocumentKind.values()));
    }
    if (size == 0) {
      throw DocumentRefusal.badRequest("请选择非空文件 Choose a file that is not empty");
    }
    if (FileNames.hasControlCharacters(originalName)) {
      throw DocumentRefusal.badRequest(BadRequests.CONTROL_CHARACTERS_IN_FILE_NAME);
    }
    // Checked before the content is read into memory; Spring's own limit lies above ours.
    if (size > limits.maxSize().toBytes()) {
      throw new DocumentRefusal(HttpStatus.PAYLOAD_TOO_LARGE,
          "文件过大，最大" + limits.maxSizeText() + " File too large: at most " + limits.maxSizeText());
    }
    String fileName = FileNames.sanitise(originalName);
    byte[] content = bytes.get();
    FileType type = FileType.of(content);
    if (type == null || !type.matchesName(fileName)) {
      throw DocumentRefusal.badRequest(TYPE_NOT_ALLOWED);
    }
    if (!kind.allows(type)) {
      throw DocumentRefusal.badRequest("检验报告须为PDF文件 A test report must be a PDF");
    }
    return new CheckedFile(kind, fileName, type, content);
  }

  public List<CaseDocument> list(String caseNumber) {
    return store.ofCase(visibleCase(caseNumber).id());
  }

  public Download download(long documentId) {
    String caseNumber = store.caseNumberOf(documentId);
    if (caseNumber == null) {
      throw DocumentRefusal.documentNotFound();
    }
    visibleCase(caseNumber);
    byte[] content = store.content(documentId);
    if (content == null) {
      throw DocumentRefusal.documentNotFound();
    }
    return new Download(store.find(documentId), content);
  }

  /** The case, if the caller may see it: unknown is 404, known but not theirs is 403. */
  private MonitoringCase visibleCase(String caseNumber) {
    MonitoringCase monitoringCase = cases.byNumber(caseNumber);
    if (monitoringCase == null) {
      throw DocumentRefusal.caseNotFound(caseNumber);
    }
    Authentication caller = caller();
    if (!access.maySee(caller.getUserId(), caller.getGroupIds(), monitoringCase)) {
      throw DocumentRefusal.forbidden();
    }
    return monitoringCase;
  }

  /** Set by RequestAuthentication for every /api request; missing only if that filter was bypassed. */
  Authentication caller() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new DocumentRefusal(HttpStatus.UNAUTHORIZED, "请先登录 Authentication required");
    }
    return authentication;
  }

  private static byte[] bytesOf(MultipartFile file) {
    try (InputStream in = file.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("uploaded file could not be read", e);
    }
  }
}
