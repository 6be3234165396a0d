package org.riskmonitor.checklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Requests to the checklist API as the phone page sends them, for the tests that send good and bad ones. */
public final class ChecklistRequests {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChecklistRequests() {
  }

  /** An answer with a fresh change id, to be tracked as a problem if it is a finding; any value may be wrong. */
  public static Map<String, Object> answer(Object itemId, Object answer, String note, Object baseRevision) {
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("changeId", UUID.randomUUID().toString());
    change.put("itemId", itemId);
    change.put("answer", answer);
    change.put("note", note);
    change.put("raiseProblem", true);
    change.put("baseRevision", baseRevision);
    return change;
  }

  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A photo upload: the change id (left out when null) and the file under the name the phone gives it. */
  public static HttpEntity<MultiValueMap<String, Object>> photo(String changeId, String fileName, byte[] content) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    if (changeId != null) {
      parts.add("changeId", changeId);
    }
    parts.add("file", new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return fileName;
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }
}
