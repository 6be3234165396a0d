package org.riskmonitor.document;

import org.springframework.http.HttpStatus;

/** A document request we do not serve, with the status and the bilingual message the caller gets. */
public class DocumentRefusal extends RuntimeException {

  private final HttpStatus status;

  public DocumentRefusal(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  static DocumentRefusal caseNotFound(String caseNumber) {
    return new DocumentRefusal(HttpStatus.NOT_FOUND, "案件不存在 Case not found: " + caseNumber);
  }

  static DocumentRefusal documentNotFound() {
    return new DocumentRefusal(HttpStatus.NOT_FOUND, "文件不存在 Document not found");
  }

  static DocumentRefusal forbidden() {
    return new DocumentRefusal(HttpStatus.FORBIDDEN, "无权查看该案件的文件 You may not see the documents of this case");
  }

  static DocumentRefusal badRequest(String message) {
    return new DocumentRefusal(HttpStatus.BAD_REQUEST, message);
  }
}
