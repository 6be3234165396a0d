package org.riskmonitor.yearlycatalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.catalogue.Catalogue;
import org.riskmonitor.persistence.GeneratedId;
import org.riskmonitor.proposal.FocusGroup;
import org.riskmonitor.proposal.ProposalTopic;
import org.riskmonitor.proposal.ProposalTopics;
import org.springframework.stereotype.Component;

/**
 * The version in work of a round and what its forms show: the kinds proposed from the round's
 * topics (and, for a revision, from the catalogue in force), and how many proposals back each kind.
 */
@Component
public class CatalogueDrafts {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CatalogueRoundMapper mapper;
  private final ProposalTopics topics;
  private final Catalogue catalogue;
  private final RegulatorClock clock;

  public CatalogueDrafts(CatalogueRoundMapper mapper, ProposalTopics topics, Catalogue catalogue, RegulatorClock clock) {
    this.mapper = mapper;
    this.topics = topics;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  static int yearOf(DelegateTask task) {
    return ((Number) task.getVariable("roundYear")).intValue();
  }

  /** The round's version not yet approved; the first draft of a round starts version 1. */
  CatalogueVersion versionInWork(int year) {
    CatalogueVersion inWork = mapper.versionInWork(year);
    if (inWork != null) {
      return inWork;
    }
    GeneratedId key = new GeneratedId();
    mapper.insertVersion(mapper.round(year).id(), year, mapper.lastVersionNo(year) + 1, null, null, clock.now(), key);
    return mapper.version(key.getId());
  }

  /** Citizens' proposals backing each product kind: those of the round's topics of that kind. */
  Map<String, Integer> backingByKind(int year) {
    Map<String, Integer> backing = new LinkedHashMap<>();
    for (ProposalTopic topic : topics.ofRound(year)) {
      backing.merge(topic.productKind(), topic.proposalCount(), Integer::sum);
    }
    return backing;
  }

  /**
   * What a new draft starts from: the catalogue in force (a revision), then every kind of the
   * round's topics not in it yet, the most backed first, in the focus group of its most backed topic.
   */
  List<CatalogueEntry> proposed(int year) {
    Map<String, Integer> backing = backingByKind(year);
    Map<String, CatalogueEntry> byKind = new LinkedHashMap<>();
    CatalogueVersion inForce = mapper.versionInForce(year);
    if (inForce != null) {
      for (CatalogueEntry entry : mapper.entries(inForce.id())) {
        byKind.put(entry.productKind(), new CatalogueEntry(entry.productKind(), entry.focusGroup(), entry.riskReasons(),
            entry.inclusionReason(), backing.getOrDefault(entry.productKind(), 0)));
      }
    }
    for (ProposalTopic topic : topics.ofRound(year)) {
      byKind.putIfAbsent(topic.productKind(), new CatalogueEntry(topic.productKind(),
          FocusGroup.valueOf(topic.focusGroup()), null, null, backing.get(topic.productKind())));
    }
    return new ArrayList<>(byKind.values());
  }

  /** The draft form's rows: codes the coordinator edits. */
  JsonValue editableRows(List<CatalogueEntry> entries) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CatalogueEntry entry : entries) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("productKind", entry.productKind());
      row.put("focusGroup", entry.focusGroup().name());
      row.put("backingProposals", entry.backingProposals());
      if (entry.riskReasons() != null) {
        row.put("riskReasons", entry.riskReasons());
      }
      if (entry.inclusionReason() != null) {
        row.put("inclusionReason", entry.inclusionReason());
      }
      rows.add(row);
    }
    return json(rows);
  }

  /** The review and approval forms' rows: labels to read. */
  JsonValue shownRows(List<CatalogueEntry> entries) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CatalogueEntry entry : entries) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("productKind", catalogue.kind(entry.productKind()).label());
      row.put("focusGroup", entry.focusGroup().label());
      row.put("backingProposals", String.valueOf(entry.backingProposals()));
      row.put("riskReasons", entry.riskReasons());
      row.put("inclusionReason", entry.inclusionReason());
      rows.add(row);
    }
    return json(rows);
  }

  /** The title every step of the round shows: year, version and, for a revision, why. */
  String heading(CatalogueVersion version) {
    String heading = version.roundYear() + "年度重点产品目录 第" + version.versionNo() + "版 " + version.roundYear()
        + " key-product catalogue, version " + version.versionNo();
    if (version.revisionReason() != null) {
      heading += "\n\n**修订理由 Reason for the revision：** " + version.revisionReason();
    }
    return heading;
  }

  private static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
