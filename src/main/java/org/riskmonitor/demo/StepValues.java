package org.riskmonitor.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a careful user enters at the steps of a case's usual path, written once for both ways of
 * walking it: {@link CaseWalker} through the Java API, the resilience tests over REST. Values are
 * plain: String, Boolean, Integer, and lists or maps where the form sends a Json value. Documents
 * are uploaded by each walker in its own way.
 */
public final class StepValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StepValues() {
  }

  /**
   * The sampling slip; {@code earlierSlips} counts the slips filled for the case before (after a
   * rejected sample), so each draw has seal numbers of its own.
   */
  public static Map<String, Object> samplingSlip(long caseId, String enterpriseName, String productionDate,
                                                 long earlierSlips, LocalDate today) {
    Map<String, Object> v = new HashMap<>();
    v.put("labelledManufacturer", enterpriseName);
    v.put("brand", "津骑");
    v.put("model", "TDT-" + caseId);
    v.put("batchNumber", "B" + productionDate.replace("-", ""));
    v.put("productionDate", productionDate);
    v.put("cccCertificate", "2024011119000" + (100 + caseId));
    v.put("stockQuantity", 40);
    v.put("testSampleQuantity", 2);
    v.put("backupSampleQuantity", 2);
    v.put("testSealNumber", "FY" + caseId + "-" + earlierSlips + "A");
    v.put("backupSealNumber", "FY" + caseId + "-" + earlierSlips + "B");
    v.put("secondSampler", "王芳");
    v.put("sampledOn", today.toString());
    return v;
  }

  public static Map<String, Object> slipConfirmation() {
    return Map.of("slipConfirmed", true, "enterpriseSignatory", "李明", "enterpriseRemark", "样品由企业库存中随机抽取，无异议。");
  }

  public static Map<String, Object> sampleReceipt(boolean reject, LocalDate today) {
    Map<String, Object> v = new HashMap<>();
    v.put("receiptDecision", reject ? "REJECTED" : "ACCEPTED");
    v.put("sampleCondition", reject ? "封条破损 Seal broken" : "封样完好，数量相符 Seal intact, quantity as stated");
    v.put("receivedOn", today.toString());
    if (reject) {
      v.put("rejectionReason", "封条破损，无法确认样品完整性 Seal broken");
    }
    return v;
  }

  /**
   * The test report: the lab's rows as the form shows them ({@code testItems}, the Json text of the
   * task's variable), each measured as conforming, or the first one failing when {@code pass} is false.
   */
  public static Map<String, Object> testReport(long caseId, String purpose, long earlierReports, String testItems,
                                               boolean pass, LocalDate today) {
    Map<String, Object> v = new HashMap<>();
    v.put("reportNumber", "JY" + caseId + "-" + purpose + "-" + earlierReports);
    v.put("testedOn", today.toString());
    v.put("testItems", measured(testItems, pass));
    return v;
  }

  public static Map<String, Object> review(boolean returnIt) {
    return Map.of("reviewDecision", returnIt ? "RETURNED" : "APPROVED",
        "reviewComment", returnIt ? "第3项实测值单位有误，请核对 Check the unit of item 3" : "数据完整，结论正确");
  }

  public static Map<String, Object> closure() {
    return Map.of("closureSummary", "案件材料齐全，结论明确，予以结案。");
  }

  private static List<Map<String, String>> measured(String testItems, boolean pass) {
    List<Map<String, String>> rows = new ArrayList<>();
    try {
      for (JsonNode item : JSON.readTree(testItems)) {
        Map<String, String> row = new HashMap<>();
        item.fields().forEachRemaining(field -> row.put(field.getKey(),
            field.getValue().isTextual() ? field.getValue().asText() : field.getValue().toString()));
        boolean fails = !pass && rows.isEmpty();
        row.put("measuredValue", fails ? "不符合要求 Nonconforming" : "符合要求 Conforming");
        row.put("verdict", fails ? "FAIL" : "PASS");
        rows.add(row);
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("test items are not Json: " + testItems, e);
    }
    return rows;
  }
}
