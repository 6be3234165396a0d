package org.riskmonitor.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.springframework.beans.factory.annotation.Autowired;

class DocumentStoreTest extends RiskMonitorTest {

  @Autowired
  private DocumentStore documents;

  @Autowired
  private CaseWalker walker;

  @Test
  void aDocumentIsKeptWithItsSha256AndComesBackUnchanged() {
    ProcessInstance instance = walker.open(DemoPeople.ENTERPRISES.get(1).get(0), "WIRE_CABLE", "BV 2.5mm² 电线");
    long caseId = jdbc.queryForObject("SELECT id FROM rm_monitoring_case WHERE case_number = ?", Long.class,
        instance.getBusinessKey());
    byte[] content = "abc".getBytes(StandardCharsets.US_ASCII);

    CaseDocument stored = documents.store(caseId, "SAMPLING_PHOTO", "seal.jpg", "image/jpeg", content, "sampler");

    assertThat(stored.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(documents.ofCase(caseId)).extracting(CaseDocument::fileName).containsExactly("seal.jpg");
    assertThat(documents.content(stored.id())).isEqualTo(content);
  }

  @Test
  void aDocumentUploadedToATaskIsFoundByThatTask_andNotByAnotherTaskOfTheCase() {
    ProcessInstance instance = walker.open(DemoPeople.ENTERPRISES.get(1).get(0), "WIRE_CABLE", "BV 2.5mm² 电线");
    long caseId = jdbc.queryForObject("SELECT id FROM rm_monitoring_case WHERE case_number = ?", Long.class,
        instance.getBusinessKey());
    Task assign = walker.openTask(instance.getBusinessKey());
    UploadStep step = new UploadStep(assign.getId(), assign.getTaskDefinitionKey(), assign.getName());
    byte[] content = "abc".getBytes(StandardCharsets.US_ASCII);

    CaseDocument photo = documents.storeOnTask(caseId, step, "SAMPLING_PHOTO", "seal.jpg", "image/jpeg", content,
        "sampler");
    CaseDocument scan = documents.storeOnTask(caseId, step, "SAMPLING_SLIP_SCAN", "slip.png", "image/png", content,
        "sampler");
    documents.store(caseId, "SAMPLING_PHOTO", "case-level.jpg", "image/jpeg", content, "coordinator");
    documents.storeOnTask(caseId, new UploadStep("another-task", "Task_Other", "别的环节 Another step"),
        "SAMPLING_PHOTO", "elsewhere.jpg", "image/jpeg", content, "sampler");

    assertThat(documents.onTask(assign.getId())).extracting(CaseDocument::id).containsExactly(photo.id(), scan.id());
    assertThat(documents.onTask(assign.getId())).first().satisfies(d -> {
      assertThat(d.taskId()).isEqualTo(assign.getId());
      assertThat(d.stepKey()).isEqualTo("Task_AssignSampling");
      assertThat(d.stepName()).isEqualTo(assign.getName()).contains("指派抽样");
    });
    assertThat(documents.ofCase(caseId)).extracting(CaseDocument::fileName)
        .containsExactly("seal.jpg", "slip.png", "case-level.jpg", "elsewhere.jpg");
    assertThat(documents.onTask("no-such-task")).isEmpty();
  }
}
