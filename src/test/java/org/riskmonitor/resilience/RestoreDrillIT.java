package org.riskmonitor.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 19, item 4: the restore drill of docs/operations.md ("Backup and restore"). A running node
 * has cases standing at every step of the usual path with their documents (photos and test reports,
 * kept in the database); it is backed up with mariadb-dump in a single transaction while a client
 * keeps opening and working cases; the node is then lost, the backup restored into a fresh database
 * and a node started on it. Every document there downloads with the SHA-256 it had, and every case
 * open in the backup finishes.
 */
class RestoreDrillIT {

  private static final Logger LOG = LoggerFactory.getLogger(RestoreDrillIT.class);

  @Test
  void backupWhileRunning_restoredIntoAFreshDatabase_everyCaseFinishes_documentsUnchanged() throws Exception {
    long started = System.nanoTime();
    TestDatabase live = TestDatabase.fresh("restore_live");
    Path backup = Files.createDirectories(Path.of("target", "resilience")).resolve("restore-drill.sql.gz");
    List<Long> documentsBeforeBackup;
    Map<Long, String> liveDigests = new HashMap<>();
    AtomicInteger submittedDuringBackup = new AtomicInteger();

    try (AppNode node = AppNode.start("restore-live", live, List.of())) {
      node.awaitReady(Duration.ofMinutes(3));
      Rest rest = node.rest();
      for (int step = 0; step < CaseClient.PATH.size(); step++) {
        CaseClient.advance(rest, CaseClient.open(rest, step % 2), CaseClient.PATH.get(step));
      }
      documentsBeforeBackup = documents(live);
      assertThat(documentsBeforeBackup).as("documents uploaded before the backup").hasSizeGreaterThanOrEqualTo(8);

      // a coordinator keeps opening cases and working them to their end while the backup runs
      AtomicBoolean backingUp = new AtomicBoolean(true);
      AtomicInteger submitted = new AtomicInteger();
      ExecutorService client = Executors.newSingleThreadExecutor();
      Future<?> work = client.submit(() -> {
        for (int i = 0; backingUp.get(); i++) {
          String caseNumber = CaseClient.open(rest, i % 2);
          for (int step = 1; step <= CaseClient.PATH.size() && backingUp.get(); step++) {
            CaseClient.advance(rest, caseNumber, step < CaseClient.PATH.size() ? CaseClient.PATH.get(step) : null);
            submitted.incrementAndGet();
          }
        }
        return null;
      });
      try {
        awaitAtLeast(submitted, 2, work);
        int before = submitted.get();
        DatabaseDump.dump(live, backup);
        awaitAtLeast(submitted, submitted.get() + 1, work);
        submittedDuringBackup.set(submitted.get() - before);
      } finally {
        backingUp.set(false);
        work.get(2, TimeUnit.MINUTES);
        client.shutdown();
      }
      for (Long id : documents(live)) {
        liveDigests.put(id, sha256(rest.download("coordinator", "/api/documents/" + id)));
      }
    }
    LOG.info("Backup {} ({} bytes) taken while the client submitted {} steps", backup, Files.size(backup),
        submittedDuringBackup.get());

    TestDatabase restored = TestDatabase.fresh("restore_copy");
    DatabaseDump.load(backup, restored);
    List<String> open = restored.jdbc().queryForList("SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST "
        + "WHERE PROC_DEF_KEY_ = 'risk-case' AND END_TIME_ IS NULL ORDER BY BUSINESS_KEY_", String.class);
    assertThat(open).as("cases open in the backup").hasSizeGreaterThanOrEqualTo(CaseClient.PATH.size());

    try (AppNode node = AppNode.start("restore-copy", restored, List.of())) {
      node.awaitReady(Duration.ofMinutes(3));
      Rest rest = node.rest();
      List<Long> documents = documents(restored);
      assertThat(documents).as("documents in the restored database").containsAll(documentsBeforeBackup);
      for (Long id : documents) {
        String digest = sha256(rest.download("coordinator", "/api/documents/" + id));
        assertThat(digest).as("document " + id + " as downloaded before and after").isEqualTo(liveDigests.get(id));
        assertThat(digest).as("document " + id + " against its recorded SHA-256")
            .isEqualTo(restored.jdbc().queryForObject("SELECT sha256 FROM rm_document WHERE id = ?", String.class, id));
      }
      // the operator's check of docs/operations.md, in SQL
      assertThat(restored.count("SELECT COUNT(*) FROM rm_document WHERE sha256 <> SHA2(content, 256)")).isZero();
      for (String caseNumber : open) {
        CaseClient.advance(rest, caseNumber, null);
      }
    }
    for (String caseNumber : open) {
      assertThat(restored.jdbc().queryForObject("SELECT STATE_ FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ? "
          + "AND SUPER_PROCESS_INSTANCE_ID_ IS NULL", String.class, caseNumber)).as(caseNumber).isEqualTo("COMPLETED");
      assertThat(restored.count("SELECT COUNT(*) FROM rm_case_closure k JOIN rm_monitoring_case c ON c.id = k.case_id "
          + "WHERE c.case_number = ?", caseNumber)).as(caseNumber + " closed").isEqualTo(1);
    }
    LOG.info("RestoreDrillIT took {} s: {} cases finished after the restore",
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), open.size());
  }

  private static void awaitAtLeast(AtomicInteger submitted, int count, Future<?> work) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (submitted.get() < count) {
      if (work.isDone()) {
        work.get();
      }
      assertThat(System.nanoTime()).as("the client's steps").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static List<Long> documents(TestDatabase database) {
    return new ArrayList<>(database.jdbc().queryForList("SELECT id FROM rm_document ORDER BY id", Long.class));
  }

  private static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }
}
