package org.riskmonitor.document;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when Spring's multipart limits are not above ours: an oversized upload would
 * then be cut off by Spring with its own answer instead of our bilingual message.
 */
@Component
class UploadLimitCheck {

  UploadLimitCheck(DocumentLimits limits, ObjectProvider<MultipartProperties> multipart) {
    MultipartProperties spring = multipart.getIfAvailable();
    if (spring == null) {
      return;
    }
    long ours = limits.maxSize().toBytes();
    if (spring.getMaxFileSize().toBytes() <= ours || spring.getMaxRequestSize().toBytes() <= ours) {
      throw new IllegalStateException("spring.servlet.multipart.max-file-size and max-request-size must be above "
          + "riskmonitor.documents.max-size (" + limits.maxSizeText() + ")");
    }
  }
}
