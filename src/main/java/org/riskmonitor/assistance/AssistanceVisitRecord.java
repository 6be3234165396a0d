package org.riskmonitor.assistance;

import org.riskmonitor.calendar.RegulatorClock;
import org.riskmonitor.document.StepDocuments;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.riskmonitor.calendar.DueDates;
import org.riskmonitor.cases.MonitoringCases;
import org.riskmonitor.cases.OptionList;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.form.FormDefinitions;
import org.riskmonitor.form.SubmittedForm;
import org.riskmonitor.persistence.GeneratedId;
import org.springframework.stereotype.Component;

/**
 * The lead expert records the visit: the training or quality-analysis meeting held, who attended,
 * and each problem found, which is then tracked until solved (form {@code record-assistance-visit}).
 */
@Component("assistanceVisitRecord")
public class AssistanceVisitRecord implements TaskListener {

  enum MeetingKind { NONE, TRAINING, QUALITY_ANALYSIS }

  private record Attendee(String name, String organisation) {
  }

  private final StepDocuments documents;
  private final FormDefinitions forms;
  private final AssistanceMapper mapper;
  private final MonitoringCases cases;
  private final DueDates dueDates;
  private final RegulatorClock clock;

  public AssistanceVisitRecord(StepDocuments documents, FormDefinitions forms, AssistanceMapper mapper, MonitoringCases cases, DueDates dueDates,
                               RegulatorClock clock) {
    this.documents = documents;
    this.forms = forms;
    this.mapper = mapper;
    this.cases = cases;
    this.dueDates = dueDates;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    SubmittedForm form = forms.submission(task);
    LocalDate visitedOn = form.dateNotAfter("visitedOn", dueDates.today());
    String summary = form.text("visitSummary");
    MeetingKind meeting = form.choice("meetingKind", MeetingKind.class);
    boolean held = meeting != null && meeting != MeetingKind.NONE;
    String topic = held ? form.text("meetingTopic") : null;
    List<Attendee> attendees = held
        ? form.rows("attendees", 1, 500, row -> {
          String name = row.text("attendeeName");
          String organisation = row.text("organisation");
          return name == null || organisation == null ? null : new Attendee(name, organisation);
        })
        : List.of();
    List<String> problems = form.rows("problems", 1, 100,
        row -> row.text("description"));
    documents.check(task, form);
    form.verify();

    long caseId = cases.idOf(task);
    long visitId = ((Number) task.getVariable("visitId")).longValue();
    if (mapper.recordVisit(visitId, visitedOn, summary, clock.now()) != 1) {
      throw new FormRefusal("帮扶情况已记录 The visit was already recorded");
    }
    if (held) {
      GeneratedId meetingKey = new GeneratedId();
      mapper.insertMeeting(visitId, meeting.name(), topic, visitedOn, meetingKey);
      attendees.forEach(a -> mapper.insertAttendee(meetingKey.getId(), a.name(), a.organisation()));
    }
    for (String description : problems) {
      mapper.insertProblem(caseId, visitId, description, visitedOn, new GeneratedId());
    }
    // the remediation is verified against every problem of the visit, on-site findings included
    OptionList problemOptions = new OptionList();
    mapper.problems(caseId).stream().filter(p -> p.visitId() == visitId && p.solvedOn() == null)
        .forEach(p -> problemOptions.add(String.valueOf(p.id()), p.description()));
    task.setVariable("problemOptions", problemOptions.toJson());
  }
}
