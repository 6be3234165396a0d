package org.riskmonitor.document;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/** Upload, list and download of a case's documents; the caller is authenticated by RequestAuthentication. */
@RestController
@RequestMapping("/api")
public class DocumentController {

  private final CaseDocuments documents;
  private final TaskDocuments taskDocuments;

  public DocumentController(CaseDocuments documents, TaskDocuments taskDocuments) {
    this.documents = documents;
    this.taskDocuments = taskDocuments;
  }

  /** A refusal's body, the same shape for every status so clients show {@code message}. */
  public record Refusal(String message) {
  }

  @PostMapping("/cases/{caseNumber}/documents")
  public ResponseEntity<DocumentView> upload(@PathVariable String caseNumber,
                                             @RequestParam(name = "kind", required = false) String kind,
                                             @RequestPart(name = "file", required = false) MultipartFile file) {
    CaseDocument stored = documents.upload(caseNumber, kind, file);
    return ResponseEntity.created(URI.create("/api/documents/" + stored.id())).body(DocumentView.of(stored));
  }

  @GetMapping("/cases/{caseNumber}/documents")
  public List<DocumentView> list(@PathVariable String caseNumber) {
    return documents.list(caseNumber).stream().map(DocumentView::of).toList();
  }

  /** A kind a person may choose for an upload, with its bilingual title. */
  public record KindView(String name, String title) {
  }

  /** The tab beside a task: its case's documents, the kinds it offers, and whether the caller may upload. */
  public record TaskDocumentsView(String caseNumber, boolean mayUpload, String timeZone, List<KindView> kinds,
                                  List<DocumentView> documents) {
  }

  @PostMapping("/tasks/{taskId}/documents")
  public ResponseEntity<DocumentView> uploadToTask(@PathVariable String taskId,
                                                   @RequestParam(name = "kind", required = false) String kind,
                                                   @RequestPart(name = "file", required = false) MultipartFile file) {
    CaseDocument stored = taskDocuments.upload(taskId, kind, file);
    return ResponseEntity.created(URI.create("/api/documents/" + stored.id())).body(DocumentView.of(stored));
  }

  /** The kinds offered are those the task's step takes (StepDocuments); a step that takes none offers no upload. */
  @GetMapping("/tasks/{taskId}/documents")
  public TaskDocumentsView listOfTask(@PathVariable String taskId) {
    TaskDocuments.Listing listing = taskDocuments.list(taskId);
    return new TaskDocumentsView(listing.caseNumber(), listing.mayUpload(), listing.zone().getId(),
        listing.kinds().stream().sorted().map(k -> new KindView(k.name(), k.title())).toList(),
        listing.documents().stream().map(DocumentView::of).toList());
  }

  /**
   * Always an attachment, and with nosniff like every response of ours (SecurityHeaders), so an
   * uploaded file is never rendered as a page of ours.
   */
  @GetMapping("/documents/{id}")
  public ResponseEntity<byte[]> download(@PathVariable long id) {
    CaseDocuments.Download download = documents.download(id);
    CaseDocument document = download.document();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .contentLength(download.content().length)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(download.content());
  }

  @ExceptionHandler(DocumentRefusal.class)
  ResponseEntity<Refusal> refused(DocumentRefusal refusal) {
    return refusal(refusal.status(), refusal.getMessage());
  }

  /** A body that is not multipart at all, or one the server could not parse. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Refusal> notMultipart() {
    return refusal(HttpStatus.BAD_REQUEST,
        "请以multipart/form-data上传文件（字段file和kind） Upload as multipart/form-data with fields file and kind");
  }

  /** A document id that is not a number names no document. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Refusal> noSuchDocument() {
    return refusal(HttpStatus.NOT_FOUND, DocumentRefusal.documentNotFound().getMessage());
  }

  private static ResponseEntity<Refusal> refusal(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new Refusal(message));
  }
}
