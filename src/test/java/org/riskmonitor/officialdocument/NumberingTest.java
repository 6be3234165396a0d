package org.riskmonitor.officialdocument;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two nodes issuing at once, as two threads with their own transactions on one database: every
 * number is given once and together they run on without a gap, the year's first included.
 */
class NumberingTest extends RiskMonitorTest {

  /** A year no case of the suite issues in, so the count starts at its first number. */
  private static final int YEAR = 1999;

  @Autowired
  private OfficialDocuments documents;
  @Autowired
  private PlatformTransactionManager transactions;

  @Test
  void twoNodesIssuingAtOnceGetDifferentConsecutiveNumbers() throws Exception {
    // a database kept between runs (MySQL) already has the year's row: count on from where it stands
    int before = jdbc.queryForList("SELECT next_seq - 1 FROM rm_official_document_counter WHERE kind = 'CONSUMER_ALERT' "
        + "AND doc_year = ?", Integer.class, YEAR).stream().findFirst().orElse(0);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService nodes = Executors.newFixedThreadPool(2);
    List<Future<List<Integer>>> taken = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      taken.add(nodes.submit(() -> {
        start.await();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
          numbers.add(transaction.execute(status -> documents.nextNumber(OfficialDocumentKind.CONSUMER_ALERT, YEAR)));
        }
        return numbers;
      }));
    }
    start.countDown();
    List<Integer> all = new ArrayList<>();
    for (Future<List<Integer>> node : taken) {
      all.addAll(node.get());
    }
    nodes.shutdown();
    Collections.sort(all);
    assertThat(all).containsExactlyElementsOf(IntStream.rangeClosed(before + 1, before + 30).boxed().toList());
  }
}
