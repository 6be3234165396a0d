package org.riskmonitor.checklist;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.riskmonitor.document.DocumentRefusal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The on-site checklist of a case for the sampler's phone: read it, answer an item, add a photo.
 * The caller is authenticated by RequestAuthentication (a session also needs its CSRF token).
 */
@RestController
@RequestMapping("/api/cases/{caseNumber}/checklist")
public class ChecklistApiController {

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final OnSiteChecks checks;

  public ChecklistApiController(OnSiteChecks checks) {
    this.checks = checks;
  }

  /** An answer as the API shows it; times in the regulator's zone. */
  public record AnswerJson(String answer, String answerLabel, String note, boolean raiseProblem, int revision,
                           String answeredBy, String answeredAt) {

    static AnswerJson of(ItemAnswer answer) {
      return answer == null ? null : new AnswerJson(answer.answer().name(), answer.answer().label(), answer.note(),
          answer.raiseProblem(), answer.revision(), answer.answeredBy(), MINUTE.format(answer.answeredAt()));
    }
  }

  public record PhotoJson(long documentId, String fileName, String sha256) {
  }

  public record ItemJson(long id, int position, String area, String areaLabel, String title, String method,
                         String findingCriterion, int revision, AnswerJson answer, List<PhotoJson> photos) {
  }

  public record ChecklistJson(String caseNumber, String productKind, int version, boolean open, String submittedAt,
                              List<ItemJson> items) {
  }

  public record Refusal(String message, AnswerJson current) {
  }

  @GetMapping
  public ChecklistJson read(@PathVariable String caseNumber) {
    OnSiteChecks.ChecklistView view = checks.view(caseNumber);
    return new ChecklistJson(view.heading().caseNumber(), view.checklist().productKind(), view.checklist().version(),
        view.filling().open(), view.filling().submittedAt() == null ? null : MINUTE.format(view.filling().submittedAt()),
        view.items().stream().map(i -> new ItemJson(i.item().id(), i.item().position(), i.item().area().name(),
            i.item().area().label(), i.item().title(), i.item().method(), i.item().findingCriterion(), i.revision(),
            AnswerJson.of(i.answer()),
            i.photos().stream().map(p -> new PhotoJson(p.documentId(), p.fileName(), p.sha256())).toList())).toList());
  }

  @PostMapping(path = "/answers", consumes = MediaType.APPLICATION_JSON_VALUE)
  public OnSiteChecks.AnswerReceipt answer(@PathVariable String caseNumber,
                                           @RequestBody OnSiteChecks.AnswerChange change) {
    return checks.answer(caseNumber, change);
  }

  @PostMapping("/items/{itemId}/photos")
  public ResponseEntity<OnSiteChecks.PhotoReceipt> photo(@PathVariable String caseNumber, @PathVariable long itemId,
                                                         @RequestParam(name = "changeId", required = false) String changeId,
                                                         @RequestPart(name = "file", required = false) MultipartFile file) {
    OnSiteChecks.PhotoReceipt receipt = checks.addPhoto(caseNumber, itemId, changeId, file);
    return ResponseEntity.created(URI.create("/api/documents/" + receipt.documentId())).body(receipt);
  }

  @ExceptionHandler(ChecklistRefusal.class)
  ResponseEntity<Refusal> refused(ChecklistRefusal refusal) {
    return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON)
        .body(new Refusal(refusal.getMessage(), AnswerJson.of(refusal.current())));
  }

  /** A photo refused by the rules every document follows (type, size, name). */
  @ExceptionHandler(DocumentRefusal.class)
  ResponseEntity<Refusal> photoRefused(DocumentRefusal refusal) {
    return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON)
        .body(new Refusal(refusal.getMessage(), null));
  }
}
