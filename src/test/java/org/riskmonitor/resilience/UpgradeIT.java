package org.riskmonitor.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 19, item 3. The previous release's database, with cases open at every step of the usual
 * path (a dump made from that release, src/test/resources/upgrade/README.md), is loaded into a
 * fresh database and this release's jar started on it, as an operator upgrades: Flyway applies
 * every migration the dump lacks to our tables, the engine's schema update brings its own tables to
 * this release's engine, and every case that was open finishes; a new case opens and finishes too.
 */
class UpgradeIT {

  private static final Logger LOG = LoggerFactory.getLogger(UpgradeIT.class);
  /** The previous release: the commit before issue 19 (see the README beside the dump). */
  static final Path DUMP = Path.of("src", "test", "resources", "upgrade", "release-288417f.sql.gz");
  private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.+\\.sql");

  @Test
  void previousReleasesDatabase_isMigrated_andEveryOpenCaseFinishes() throws Exception {
    long started = System.nanoTime();
    TestDatabase database = TestDatabase.fresh("upgrade");
    DatabaseDump.load(DUMP, database);
    List<String> open = database.jdbc().queryForList("SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST "
        + "WHERE PROC_DEF_KEY_ = 'risk-case' AND END_TIME_ IS NULL ORDER BY BUSINESS_KEY_", String.class);
    assertThat(open).as("cases open in the dump").hasSize(14);
    Set<String> ours = versions(Path.of("src", "main", "resources", "db", "migration"));
    Set<String> indexes = versions(Path.of("src", "main", "resources", "db", "engine-indexes"));
    Set<String> pending = new TreeSet<>(ours);
    pending.removeAll(applied(database, "flyway_schema_history"));
    Set<String> pendingIndexes = new TreeSet<>(indexes);
    pendingIndexes.removeAll(applied(database, "rm_engine_index_history"));
    LOG.info("Migrations the dump lacks: ours {}, the engine's indexes {}", pending, pendingIndexes);

    try (AppNode upgraded = AppNode.start("upgraded", database, List.of())) {
      upgraded.awaitReady(Duration.ofMinutes(3));
      Rest rest = upgraded.rest();

      assertThat(applied(database, "flyway_schema_history")).as("our migrations applied").containsAll(ours);
      assertThat(applied(database, "rm_engine_index_history")).as("engine index migrations applied")
          .containsAll(indexes);
      String engineVersion = rest.get(Rest.ADMIN, "/engine-rest/version").path("version").asText();
      // the engine logs each version its schema was created or updated to
      assertThat(database.jdbc().queryForObject("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG "
          + "ORDER BY TIMESTAMP_ DESC, CAST(ID_ AS UNSIGNED) DESC LIMIT 1", String.class)).as("the engine's schema")
          .isEqualTo(engineVersion);

      assertThat(database.count("SELECT COUNT(*) FROM rm_document")).as("documents from before").isPositive();
      assertThat(database.count("SELECT COUNT(*) FROM rm_document WHERE sha256 <> SHA2(content, 256)")).isZero();
      String opened = CaseClient.open(rest, 0);
      List<String> cases = new ArrayList<>(open);
      cases.add(opened);
      finishAll(rest, cases);
    }

    for (String caseNumber : open) {
      assertThat(database.jdbc().queryForObject("SELECT STATE_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? "
          + "AND SUPER_PROCESS_INSTANCE_ID_ IS NULL", String.class, caseNumber)).as(caseNumber).isEqualTo("COMPLETED");
      assertThat(database.count("SELECT COUNT(*) FROM rm_case_closure k JOIN rm_monitoring_case c ON c.id = k.case_id "
          + "WHERE c.case_number = ?", caseNumber)).as(caseNumber + " closed").isEqualTo(1);
      assertThat(database.count("SELECT COUNT(*) FROM rm_result_notice n JOIN rm_monitoring_case c ON c.id = n.case_id "
          + "WHERE c.case_number = ?", caseNumber)).as(caseNumber + " result notices").isEqualTo(1);
    }
    // (the official documents the closures served and their publications go on: they are not cases)
    assertThat(database.count("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_DEF_ID_ LIKE 'risk-case:%' "
        + "OR PROC_DEF_ID_ LIKE 'lab-test:%'")).as("cases and lab tests left running").isZero();
    assertThat(database.count("SELECT COUNT(*) FROM ACT_RU_INCIDENT")).as("incidents").isZero();
    LOG.info("UpgradeIT took {} s", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
  }

  /** Each case worked to its end by three people at once. */
  private static void finishAll(Rest rest, List<String> cases) throws Exception {
    ExecutorService people = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (String caseNumber : cases) {
        work.add(people.submit(() -> {
          CaseClient.advance(rest, caseNumber, null);
          return null;
        }));
      }
      for (Future<?> done : work) {
        done.get(3, TimeUnit.MINUTES);
      }
    } finally {
      people.shutdownNow();
    }
  }

  /** The versions of the migration scripts shipped in a folder. */
  static Set<String> versions(Path folder) throws IOException {
    Set<String> versions = new TreeSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.forEach(file -> {
        Matcher name = MIGRATION.matcher(file.getFileName().toString());
        if (name.matches()) {
          versions.add(name.group(1));
        }
      });
    }
    assertThat(versions).as("migrations in " + folder).isNotEmpty();
    return versions;
  }

  /** The versions a Flyway history table records as applied successfully. */
  static Set<String> applied(TestDatabase database, String historyTable) {
    return new HashSet<>(database.jdbc().queryForList("SELECT version FROM " + historyTable
        + " WHERE success = TRUE AND version IS NOT NULL", String.class));
  }
}
