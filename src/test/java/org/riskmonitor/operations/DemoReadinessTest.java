package org.riskmonitor.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.riskmonitor.MysqlTestServer;
import org.riskmonitor.RiskMonitorApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13, item 2. A second application starts with the demo on a database of its own (H2, or a
 * fresh MySQL database beside the suite's under -Pmysql) while a load balancer's probe asks for
 * readiness every 100 ms: the port answers while the demo cases are being created, and the probe
 * says 503 then; its first 200 comes when all demo cases exist. The history is cut to two cases of
 * each kind (walked to closure, copied, standing open, components): the readiness condition is the
 * same as for the whole year and a half, which FirstStartDashboardIT starts, and seeding that here
 * took minutes of each suite on a busy machine.
 */
class DemoReadinessTest {

  private static final String MYSQL_PROFILE_PASSWORD = "Risk-Monitor-Test-2026!";
  /** Cases of each kind the history makes; there are four kinds. */
  private static final int EACH = 2;

  private record Probe(int status, long cases) {
  }

  @Test
  void notReadyWhileTheDemoIsSeeded_readyWhenItIsDone() throws Exception {
    int port = freePort();
    String url = database();
    List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--spring.datasource.url=" + url,
        "--riskmonitor.demo.enabled=true", "--riskmonitor.demo.seed=cases",
        "--riskmonitor.demo.history-limit=" + EACH,
        // a second engine in this JVM, beside the one the other tests share
        "--camunda.bpm.process-engine-name=readiness", "--camunda.bpm.generate-unique-process-application-name=true",
        // and no second Tasklist: Camunda's webapps keep their runtime in static fields, which closing
        // this application would clear under the shared one's feet
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.admin-user.password=" + MYSQL_PROFILE_PASSWORD,
        "--spring.profiles.active=" + String.join(",", profiles())));

    List<Probe> probes = new CopyOnWriteArrayList<>();
    AtomicBoolean started = new AtomicBoolean();
    ExecutorService prober = Executors.newSingleThreadExecutor();
    Future<?> probing = prober.submit(() -> probe(port, url, probes, started));
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RiskMonitorApplication.class)
        .run(args.toArray(String[]::new))) {
      started.set(true);
      probing.get(5, TimeUnit.MINUTES);
    } finally {
      prober.shutdownNow();
    }
    long demoCases = cases(url);
    assertThat(demoCases).as("demo cases: walked to closure, copied, standing open, components").isEqualTo(4 * EACH);

    assertThat(probes).as("503 while some but not all demo cases existed")
        .anyMatch(p -> p.status() == 503 && p.cases() > 0 && p.cases() < demoCases);
    Probe firstReady = probes.stream().filter(p -> p.status() == 200).findFirst().orElseThrow();
    assertThat(firstReady.cases()).as("demo cases when first ready").isEqualTo(demoCases);
    assertThat(probes.subList(probes.indexOf(firstReady), probes.size())).allMatch(p -> p.status() == 200);
  }

  /** Asks as a load balancer would until ready after the application has started, noting the demo cases each time. */
  private static Void probe(int port, String url, List<Probe> probes, AtomicBoolean started) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(10)).build();
    while (true) {
      int status;
      try {
        status = http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode();
      } catch (IOException notListening) {
        status = -1;
      }
      if (status != -1) {
        probes.add(new Probe(status, cases(url)));
      }
      if (status == 200 && started.get()) {
        return null;
      }
      Thread.sleep(100);
    }
  }

  private static long cases(String url) {
    boolean mysql = url.startsWith("jdbc:mysql:");
    try (Connection connection = DriverManager.getConnection(url, mysql ? MysqlTestServer.get().user() : "sa",
        mysql ? MysqlTestServer.get().password() : "");
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM rm_monitoring_case")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException tableNotYetThere) {
      return 0;
    }
  }

  /** The suite's profiles, but not test-mysql: its database is the shared context's. */
  private static List<String> profiles() {
    return Arrays.stream(System.getProperty("spring.profiles.active", "test").split(","))
        .filter(profile -> !profile.equals("test-mysql")).toList();
  }

  /** In memory on H2; on MySQL a database of its own beside the suite's, created afresh. */
  private static String database() {
    if (!profiles().contains("mysql")) {
      return "jdbc:h2:mem:riskmonitor-readiness;DB_CLOSE_DELAY=-1";
    }
    MysqlTestServer server = MysqlTestServer.get();
    return server.recreate(server.suiteDatabase() + "_readiness");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
