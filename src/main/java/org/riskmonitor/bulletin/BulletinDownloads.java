package org.riskmonitor.bulletin;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PDF of a published bulletin, for anyone (under {@code /public}, no login). Only a bulletin
 * item that is published has one here: a bulletin not yet approved has no item, and a withdrawn,
 * unknown or non-bulletin number answers 404 like the public site does.
 */
@RestController
public class BulletinDownloads {

  private final Bulletins bulletins;

  public BulletinDownloads(Bulletins bulletins) {
    this.bulletins = bulletins;
  }

  @GetMapping("/public/bulletins/{publicNumber}/pdf")
  public ResponseEntity<?> pdf(@PathVariable String publicNumber) {
    byte[] pdf = publicNumber.length() > 20 ? null : bulletins.publishedPdf(publicNumber);
    if (pdf == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
          .body("没有这个公开编号的专刊 No published bulletin has this number");
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(publicNumber + ".pdf").build().toString())
        .body(pdf);
  }
}
