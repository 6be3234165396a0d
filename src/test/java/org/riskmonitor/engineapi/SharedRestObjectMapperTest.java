package org.riskmonitor.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.riskmonitor.RiskMonitorTest;
import org.riskmonitor.demo.CaseWalker;
import org.riskmonitor.demo.DemoPeople;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A filter's page as Tasklist asks for it (HAL) is read and written by the one shared JSON mapper,
 * and its dates keep Camunda's format.
 */
class SharedRestObjectMapperTest extends RiskMonitorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired
  private TestRestTemplate rest;

  @Autowired
  private CaseWalker walker;

  @Test
  void aFiltersPage_isReadAndWrittenByTheSharedMapper_inCamundasDateFormat() throws Exception {
    walker.open(DemoPeople.ENTERPRISES.get(0).get(0), "E_BIKE", "电动自行车");
    String filter = engine.getFilterService().createFilterQuery().filterName("全部案件 All open cases").singleResult().getId();
    long before = SharedRestObjectMapper.lookUps();

    ResponseEntity<String> page = call(HttpMethod.POST, "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
        "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}");

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    JsonNode tasks = JSON.readTree(page.getBody()).path("_embedded").path("task");
    assertThat(tasks).isNotEmpty();
    assertThat(tasks.get(0).path("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
    assertThat(SharedRestObjectMapper.lookUps()).isGreaterThan(before);
  }

  private ResponseEntity<String> call(HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    // as Tasklist asks for a filter's page
    headers.setAccept(List.of(MediaType.parseMediaType("application/hal+json")));
    return rest.withBasicAuth("coordinator", DemoPeople.PASSWORD).exchange(path, method, new HttpEntity<>(body, headers),
        String.class);
  }
}
