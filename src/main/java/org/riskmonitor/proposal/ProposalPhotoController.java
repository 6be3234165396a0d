package org.riskmonitor.proposal;

import java.nio.charset.StandardCharsets;
import org.riskmonitor.security.CurrentRequestUser;
import org.riskmonitor.security.Roles;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A proposal's photo, for the regulator's staff and experts who triage and review it (logged in, under /manage). */
@Controller
public class ProposalPhotoController {

  private final Proposals proposals;
  private final CurrentRequestUser currentUser;

  public ProposalPhotoController(Proposals proposals, CurrentRequestUser currentUser) {
    this.proposals = proposals;
    this.currentUser = currentUser;
  }

  @GetMapping("/manage/proposals/{number}/photo")
  public ResponseEntity<byte[]> photo(@PathVariable String number) {
    if (!currentUser.isIn(Roles.COORDINATORS) && !currentUser.isIn(Roles.MANAGERS) && !currentUser.isIn(Roles.EXPERTS)) {
      return refusal(HttpStatus.FORBIDDEN, "无权查看建议照片 You may not see proposal photos");
    }
    StoredPhoto photo = proposals.photo(number);
    if (photo == null) {
      return refusal(HttpStatus.NOT_FOUND, "照片不存在 Photo not found");
    }
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.photoType()))
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(photo.photo());
  }

  private static ResponseEntity<byte[]> refusal(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(message.getBytes(StandardCharsets.UTF_8));
  }
}
