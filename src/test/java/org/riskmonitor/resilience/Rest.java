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
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST API of one node (or of a load balancer in front of several), called as a named user
 * with HTTP Basic, as a client program would; or, {@link #throughWebapp through the webapps}, as
 * the person logged in to Tasklist, with the session cookie and CSRF token, on the webapps' own
 * engine API. The administrator's look-ups always use Basic on /engine-rest.
 */
public final class Rest {

  public static final String ADMIN = "admin";
  public static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENGINE_REST = "/engine-rest/";
  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default/";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final WebappSessions sessions;
  private final Retries retries;
  /** Where each first try goes instead of {@link #base}, or null. */
  private final String firstTries;

  public Rest(String base) {
    this(base, null, null, null);
  }

  private Rest(String base, WebappSessions sessions, Retries retries, String firstTries) {
    this.base = base;
    this.sessions = sessions;
    this.retries = retries;
    this.firstTries = firstTries;
  }

  /** The same server, each person (not the administrator) working through their Tasklist session. */
  public Rest throughWebapp(WebappSessions webappSessions) {
    return new Rest(base, webappSessions, retries, firstTries);
  }

  /**
   * The same, each first try sent to another address (a load balancer's frontend that loses the
   * answers), the second to this server: a change whose answer was lost after it was made.
   */
  public Rest firstTriesThrough(String lossyBase) {
    return new Rest(base, sessions, retries, lossyBase);
  }

  /**
   * The same server, a request whose answer was lost on the way (no answer, or the load balancer's
   * 502, 503 or 504: the node died while it was in flight) sent once more, as a careful client
   * does; what the second try gets is final ({@link Refused#retried}).
   */
  public Rest retryingOnce(Retries counts) {
    return new Rest(base, sessions, counts, firstTries);
  }

  /** A change sent again whose first try had been made: the client takes the state it finds. */
  void tookAsDone() {
    retries.alreadyDone.incrementAndGet();
  }

  public String base() {
    return base;
  }

  /** How many answers were lost on the way and sent again. */
  public static final class Retries {
    public final AtomicInteger lost = new AtomicInteger();
    /** Retried changes the first try had already made: the client took the state it found instead. */
    public final AtomicInteger alreadyDone = new AtomicInteger();
  }

  /** An answer other than 2xx. */
  public static final class Refused extends RuntimeException {
    public final int status;
    /** The answer to a second try, the first one's answer having been lost. */
    public final boolean retried;

    Refused(int status, String method, String path, String body, boolean retried) {
      super(method + " " + path + " answered " + status + (retried ? " when sent again" : "") + ": " + body);
      this.status = status;
      this.retried = retried;
    }
  }

  public JsonNode get(String user, String path) throws IOException {
    return send(user, "GET", path, HttpRequest.BodyPublishers.noBody(), null);
  }

  public JsonNode post(String user, String path, Object body) throws IOException {
    return send(user, "POST", path, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), "application/json");
  }

  public JsonNode put(String user, String path, Object body) throws IOException {
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
      throw new Refused(response.statusCode(), "GET", path, new String(response.body(), StandardCharsets.UTF_8),
          false);
    }
    return response.body();
  }

  /** The status of a GET, or -1 while nothing listens. */
  public int status(String user, String path) {
    try {
      return HTTP.send(request(user, path).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /**
   * Uploads a file on a task as the user would in its Documents tab, and returns the document's id.
   * Sent again after a lost answer only if the case has no document of that kind yet: the first
   * upload may have been stored.
   */
  public long upload(String user, String taskId, String kind, String fileName, String contentType, byte[] content)
      throws IOException {
    String boundary = "----rm" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String path = "/api/tasks/" + taskId + "/documents";
    HttpRequest request = request(user, path).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).build();
    HttpResponse<String> answer = firstTry(user, request);
    boolean retried = answer == null;
    if (retried) {
      for (JsonNode document : get(user, path).path("documents")) {
        if (kind.equals(document.path("kind").asText())) {
          retries.alreadyDone.incrementAndGet();
          return document.path("id").asLong();
        }
      }
      answer = exchange(user, request);
    }
    return answer(answer, "POST", path, retried).path("id").asLong();
  }

  private JsonNode send(String user, String method, String path, HttpRequest.BodyPublisher body, String contentType)
      throws IOException {
    String target = webapp(user) && path.startsWith(ENGINE_REST) ? WEBAPP_ENGINE + path.substring(ENGINE_REST.length())
        : path;
    HttpRequest.Builder builder = request(user, target).method(method, body);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    HttpRequest request = builder.build();
    HttpResponse<String> response = firstTry(user, request);
    boolean retried = response == null;
    if (retried) {
      response = exchange(user, request);
    }
    return answer(response, method, target, retried);
  }

  /** The answer, or null when it was lost on the way and the request is to be sent again. */
  private HttpResponse<String> firstTry(String user, HttpRequest request) throws IOException {
    HttpRequest first = firstTries == null ? request : HttpRequest.newBuilder(request, (name, value) -> true)
        .uri(URI.create(request.uri().toString().replace(base, firstTries))).build();
    try {
      HttpResponse<String> response = exchange(user, first);
      if (retries == null || !lostOnTheWay(response.statusCode())) {
        return response;
      }
    } catch (IOException e) {
      if (retries == null) {
        throw e;
      }
    }
    retries.lost.incrementAndGet();
    return null;
  }

  private static boolean lostOnTheWay(int status) {
    return status == 502 || status == 503 || status == 504;
  }

  private HttpResponse<String> exchange(String user, HttpRequest request) throws IOException {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (webapp(user)) {
        sessions.of(user, base).took(response);
      }
      return response;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static JsonNode answer(HttpResponse<String> response, String method, String path, boolean retried) {
    if (response.statusCode() / 100 != 2) {
      throw new Refused(response.statusCode(), method, path, response.body(), retried);
    }
    try {
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON from " + path, e);
    }
  }

  private boolean webapp(String user) {
    return sessions != null && !ADMIN.equals(user);
  }

  private HttpRequest.Builder request(String user, String path) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/json");
    if (webapp(user)) {
      return sessions.of(user, base).signed(request);
    }
    String password = ADMIN.equals(user) ? AppNode.ADMIN_PASSWORD : "demo";
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return request.header("Authorization", "Basic " + credentials);
  }
}
