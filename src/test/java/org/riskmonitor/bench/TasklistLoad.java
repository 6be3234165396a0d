package org.riskmonitor.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.riskmonitor.demo.DemoPeople;

/**
 * Many Tasklist users at once, over HTTP against the running application, each sending what
 * Tasklist 7.24 sends (read from its bundle, {@code camunda-tasklist-bootstrap.js}):
 * <ul>
 *   <li>log in: {@code GET /camunda/api/admin/auth/user/default} (which hands out the XSRF-TOKEN
 *   cookie), the login form, and the same GET again (the session is new after a login, and so is
 *   its token); every later call carries the session cookie and the token as {@code X-XSRF-TOKEN};</li>
 *   <li>the filters of the sidebar: {@code GET filter/count} and {@code GET filter}, both with
 *   {@code itemCount=false&resourceType=Task}: the sidebar shows no count per filter, only the
 *   focused filter's, taken from its task list;</li>
 *   <li>a filter's page: {@code POST filter/{id}/list?firstResult=N&maxResults=15}, HAL, sorted by
 *   creation time descending, active tasks only; the first filter is the one of lowest priority;</li>
 *   <li>every 10 s Tasklist broadcasts a refresh, and the open filter's page is asked again when the
 *   filter has {@code refresh: true} (all of ours do).</li>
 * </ul>
 * Between two clicks a user thinks 2 to 5 s; a click opens another filter, or one time in four the
 * next page when there is one. Every request's latency and status is recorded by kind.
 */
final class TasklistLoad {

  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final String AUTH = "/camunda/api/admin/auth/user/default";
  private static final long REFRESH_MILLIS = 10_000;
  private static final long THINK_MIN_MILLIS = 2_000;
  private static final long THINK_MAX_MILLIS = 5_000;
  /** Logins are spread over the first seconds, as people arriving, not one burst. */
  private static final long ARRIVAL_MILLIS = 10_000;
  static final List<String> PAGE_KINDS = List.of("page", "next page", "refresh");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final Duration duration;
  private final Duration timeout;
  private final HttpClient client;
  private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
  /** When the measured run began, for the latencies by the 10 s of the run they were sent in. */
  private volatile long runStart;

  TasklistLoad(int port, Duration duration, Duration timeout) {
    this.base = "http://127.0.0.1:" + port;
    this.duration = duration;
    this.timeout = timeout;
    // one client, its connections shared by all users; cookies are kept per user below
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Every request's figures by kind, once all users have stopped. */
  Map<String, Kind> run(List<String> users) throws InterruptedException {
    // the webapps' REST application starts at its first request: one user's visit, not measured, wakes it
    User first = new User(users.get(0), new Random(-1));
    first.logIn();
    first.filters();
    kinds.clear();
    runStart = System.nanoTime();
    long end = System.currentTimeMillis() + duration.toMillis();
    ExecutorService pool = Executors.newFixedThreadPool(users.size());
    // each user's own stream, seeded from one generator: java.util.Random seeded 0, 1, 2... gives
    // nearly the same first number for every seed, so all users arrived within the same moment and
    // refreshed in step every 10 s ever after, a burst no group of real users sends
    Random seeds = new Random(18);
    for (int i = 0; i < users.size(); i++) {
      String user = users.get(i);
      Random random = new Random(seeds.nextLong());
      pool.execute(() -> new User(user, random).work(end));
    }
    pool.shutdown();
    if (!pool.awaitTermination(duration.toSeconds() + timeout.toSeconds() * 4 + 30, TimeUnit.SECONDS)) {
      pool.shutdownNow();
      throw new IllegalStateException("the simulated users did not stop");
    }
    Map<String, Kind> sorted = new LinkedHashMap<>();
    for (String kind : List.of("first visit", "login", "session", "filters", "page", "next page", "refresh")) {
      if (kinds.containsKey(kind)) {
        sorted.put(kind, kinds.get(kind));
      }
    }
    sorted.putAll(kinds);
    return sorted;
  }

  /** The latencies of one kind of request, and its errors: any status but 2xx, or no answer. */
  static final class Kind {

    final Latencies latencies = new Latencies();
    final AtomicLong errors = new AtomicLong();
    final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    /** The latencies by the 10 s of the run in which the request was sent (0 for the first 10 s). */
    final Map<Integer, Latencies> byTenSeconds = new ConcurrentSkipListMap<>();

    void record(long nanos, int status, String error, int tenSeconds) {
      latencies.add(nanos);
      byTenSeconds.computeIfAbsent(tenSeconds, window -> new Latencies()).add(nanos);
      if (error != null) {
        errors.incrementAndGet();
        errorKinds.computeIfAbsent(error, e -> new AtomicLong()).incrementAndGet();
      }
    }
  }

  private final class User {

    private final String id;
    private final Random random;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String xsrfHeader;

    User(String id, Random random) {
      this.id = id;
      this.random = random;
    }

    void work(long end) {
      try {
        Thread.sleep((long) (random.nextDouble() * Math.min(ARRIVAL_MILLIS, duration.toMillis() / 6)));
        if (!logIn()) {
          return;
        }
        List<JsonNode> filters = filters();
        if (filters.isEmpty()) {
          return;
        }
        String filter = filters.get(0).path("id").asText();
        int firstResult = 0;
        long count = page("page", filter, firstResult);
        long nextRefresh = System.currentTimeMillis() + REFRESH_MILLIS;
        long nextClick = System.currentTimeMillis() + think();
        while (true) {
          long wake = Math.min(nextRefresh, nextClick);
          if (wake >= end) {
            return;
          }
          Thread.sleep(Math.max(0, wake - System.currentTimeMillis()));
          if (wake == nextRefresh) {
            count = page("refresh", filter, firstResult);
            nextRefresh += REFRESH_MILLIS;
            continue;
          }
          if (random.nextInt(4) == 0 && count > firstResult + 15) {
            firstResult += 15;
            count = page("next page", filter, firstResult);
          } else {
            filter = filters.get(random.nextInt(filters.size())).path("id").asText();
            firstResult = 0;
            count = page("page", filter, firstResult);
          }
          nextClick = System.currentTimeMillis() + think();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** The filters of the sidebar, the first one Tasklist opens first. */
    private List<JsonNode> filters() {
      call("filters", get(ENGINE + "/filter/count?itemCount=false&resourceType=Task"));
      JsonNode list = call("filters", get(ENGINE + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task"));
      List<JsonNode> filters = new ArrayList<>();
      if (list != null) {
        list.forEach(filters::add);
      }
      filters.sort(Comparator.comparingInt(f -> f.path("properties").path("priority").asInt()));
      return filters;
    }

    private long think() {
      return THINK_MIN_MILLIS + (long) (random.nextDouble() * (THINK_MAX_MILLIS - THINK_MIN_MILLIS));
    }

    private boolean logIn() {
      // not logged in yet: the answer is a refusal, but it carries the token the login form needs
      call("first visit", get(AUTH), true);
      String form = "username=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&password="
          + URLEncoder.encode(DemoPeople.PASSWORD, StandardCharsets.UTF_8);
      if (call("login", request(AUTH + "/login/tasklist").header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(form))) == null) {
        return false;
      }
      return call("session", get(AUTH)) != null;
    }

    /** The page of a filter as Tasklist asks for it; the filter's task count from the answer, -1 if none came. */
    private long page(String kind, String filter, int firstResult) {
      String body = "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],\"firstResult\":"
          + firstResult + ",\"maxResults\":15,\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}";
      String answer = send(kind, request(ENGINE + "/filter/" + filter + "/list?firstResult=" + firstResult
          + "&maxResults=15").header("Content-Type", "application/json").header("Accept", "application/hal+json")
          .POST(HttpRequest.BodyPublishers.ofString(body)), false);
      return answer == null ? -1 : countOf(answer);
    }

    /**
     * The page's {@code count}, read past the tasks without building them: the simulated users share
     * the application's cores, and a tree of every page cost them a twentieth of the machine.
     */
    private static long countOf(String page) {
      try (JsonParser parser = JSON.getFactory().createParser(page)) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
          return -1;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          if ("count".equals(field)) {
            return parser.getLongValue();
          }
          parser.skipChildren();
        }
        return -1;
      } catch (IOException e) {
        return -1;
      }
    }

    private HttpRequest.Builder get(String path) {
      return request(path).header("Accept", "application/json").GET();
    }

    private HttpRequest.Builder request(String path) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
      if (!cookies.isEmpty()) {
        request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
            .toList()));
      }
      String token = cookies.getOrDefault("XSRF-TOKEN", xsrfHeader);
      if (token != null) {
        request.header("X-XSRF-TOKEN", token);
      }
      return request;
    }

    private JsonNode call(String kind, HttpRequest.Builder request) {
      return call(kind, request, false);
    }

    /** Sends, records, keeps the cookies; the answer's JSON, or null if it failed (recorded as an error). */
    private JsonNode call(String kind, HttpRequest.Builder request, boolean anonymous) {
      String body = send(kind, request, anonymous);
      if (body == null) {
        return null;
      }
      try {
        return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
      } catch (Exception e) {
        return JSON.createObjectNode();
      }
    }

    /** Sends, records, keeps the cookies; the answer's body, or null if it failed (recorded as an error). */
    private String send(String kind, HttpRequest.Builder request, boolean anonymous) {
      Kind figures = kinds.computeIfAbsent(kind, k -> new Kind());
      long start = System.nanoTime();
      int tenSeconds = (int) ((start - runStart) / 10_000_000_000L);
      HttpResponse<String> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (Exception e) {
        figures.record(System.nanoTime() - start, -1, e.getClass().getSimpleName(), tenSeconds);
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        return null;
      }
      long took = System.nanoTime() - start;
      for (String cookie : response.headers().allValues("Set-Cookie")) {
        String[] pair = cookie.split(";", 2)[0].split("=", 2);
        if (pair.length == 2) {
          cookies.put(pair[0].trim(), pair[1].trim());
        }
      }
      response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> xsrfHeader = token);
      int status = response.statusCode();
      if (status / 100 != 2 && !(anonymous && (status == 401 || status == 404))) {
        figures.record(took, status, "HTTP " + status, tenSeconds);
        return null;
      }
      figures.record(took, status, null, tenSeconds);
      return response.body() == null ? "" : response.body();
    }
  }
}
