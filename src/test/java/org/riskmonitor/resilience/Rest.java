package org.riskmonitor.resilience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** The REST API of one node, called as a named user with HTTP Basic, as a client program would. */
final class Rest {

  static final String ADMIN = "admin";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;

  Rest(String base) {
    this.base = base;
  }

  /** An answer other than 2xx. */
  static final class Refused extends RuntimeException {
    final int status;

    Refused(int status, String method, String path, String body) {
      super(method + " " + path + " answered " + status + ": " + body);
      this.status = status;
    }
  }

  JsonNode get(String user, String path) throws IOException {
    return send(user, "GET", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  JsonNode post(String user, String path, Object body) throws IOException {
    return send(user, "POST", path, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), "application/json");
  }

  JsonNode put(String user, String path, Object body) throws IOException {
    return send(user, "PUT", path, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), "application/json");
  }

  /** The body of a GET as it came, for downloads. */
  byte[] download(String user, String path) throws IOException {
    HttpResponse<byte[]> response;
    try {
      response = HTTP.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new Refused(response.statusCode(), "GET", path, new String(response.body(), StandardCharsets.UTF_8));
    }
    return response.body();
  }

  /** The status of a GET, or -1 while nothing listens. */
  int status(String user, String path) {
    try {
      return HTTP.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Uploads a file on a task as the user would in its Documents tab, and returns the document's id. */
  long upload(String user, String taskId, String kind, String fileName, String contentType, byte[] content)
      throws IOException {
    String boundary = "----rm" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(user, "POST", "/api/tasks/" + taskId + "/documents",
        HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()), "multipart/form-data; boundary=" + boundary)
        .path("id").asLong();
  }

  private JsonNode send(String user, String method, String path, HttpRequest.BodyPublisher body, String contentType)
      throws IOException {
    HttpRequest.Builder request = request(user, path).method(method, body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    if (response.statusCode() / 100 != 2) {
      throw new Refused(response.statusCode(), method, path, response.body());
    }
    try {
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON from " + path, e);
    }
  }

  private HttpRequest.Builder request(String user, String path) {
    String password = ADMIN.equals(user) ? AppNode.ADMIN_PASSWORD : "demo";
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Basic " + credentials).header("Accept", "application/json");
  }
}
