package org.riskmonitor.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Service;

/** Documents of a case, kept with their SHA-256 so anyone can check a copy is unchanged. */
@Service
public class DocumentStore {

  private final DocumentMapper mapper;
  private final RegulatorClock clock;

  public DocumentStore(DocumentMapper mapper, RegulatorClock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** A document of the case itself, not of one of its steps. */
  public CaseDocument store(long caseId, String kind, String fileName, String contentType, byte[] content,
                            String createdBy) {
    return insert(new CaseDocument(null, caseId, kind, fileName, contentType, content.length, sha256(content),
        createdBy, clock.now(), null, null, null), content);
  }

  /** A document uploaded to an open task of the case: the task and its step are kept with it. */
  public CaseDocument storeOnTask(long caseId, UploadStep step, String kind, String fileName, String contentType,
                                  byte[] content, String createdBy) {
    return insert(new CaseDocument(null, caseId, kind, fileName, contentType, content.length, sha256(content),
        createdBy, clock.now(), step.taskId(), step.key(), step.name()), content);
  }

  private CaseDocument insert(CaseDocument document, byte[] content) {
    GeneratedId key = new GeneratedId();
    mapper.insert(document, content, key);
    return new CaseDocument(key.getId(), document.caseId(), document.kind(), document.fileName(),
        document.contentType(), document.sizeBytes(), document.sha256(), document.createdBy(), document.createdAt(),
        document.taskId(), document.stepKey(), document.stepName());
  }

  public List<CaseDocument> ofCase(long caseId) {
    return mapper.ofCase(caseId);
  }

  /** The documents uploaded to this task, oldest first: what its step can require before it completes. */
  public List<CaseDocument> onTask(String taskId) {
    return mapper.onTask(taskId);
  }

  /** The document's metadata, or null when there is no such document. */
  public CaseDocument find(long documentId) {
    return mapper.findById(documentId);
  }

  /** The number of the case a document belongs to, or null when there is no such document. */
  public String caseNumberOf(long documentId) {
    return mapper.caseNumberOf(documentId);
  }

  public byte[] content(long documentId) {
    DocumentMapper.Content stored = mapper.content(documentId);
    return stored == null ? null : stored.content();
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
