package org.riskmonitor.calendar;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.riskmonitor.input.FormRefusal;
import org.riskmonitor.security.CurrentRequestUser;
import org.riskmonitor.security.RequestAuthentication;
import org.riskmonitor.security.Roles;
import org.riskmonitor.web.BadParameter;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators keep the holiday calendar: holidays and make-up working days, year by year. */
@Controller
@RequestMapping("/manage/calendar")
public class CalendarController {

  private final WorkingDayCalendar calendar;
  private final DueDates dueDates;
  private final CurrentRequestUser currentUser;

  public CalendarController(WorkingDayCalendar calendar, DueDates dueDates, CurrentRequestUser currentUser) {
    this.calendar = calendar;
    this.dueDates = dueDates;
    this.currentUser = currentUser;
  }

  @GetMapping
  public String year(@RequestParam(required = false) Integer year, HttpServletRequest request,
                     HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.ADMINS)) {
      return forbidden(response);
    }
    if (year != null && !WorkingDayCalendar.storable(year)) {
      throw new BadParameter(WorkingDayCalendar.YEAR_OUT_OF_RANGE);
    }
    return show(year == null ? dueDates.today().getYear() : year, List.of(), request, model);
  }

  @PostMapping
  public String set(@RequestParam String day, @RequestParam(defaultValue = "false") boolean working,
                    @RequestParam String name, HttpServletRequest request, HttpServletResponse response, Model model) {
    if (!currentUser.isIn(Roles.ADMINS)) {
      return forbidden(response);
    }
    LocalDate date = parse(day);
    try {
      if (date == null) {
        throw new FormRefusal("日期 Date：应为日期 yyyy-MM-dd must be a date");
      }
      calendar.set(new CalendarDay(date, working, name.strip(), "管理员维护 " + currentUser.get().getUserId()));
    } catch (FormRefusal refusal) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return show(date == null ? dueDates.today().getYear() : date.getYear(), refusal.problems(), request, model);
    }
    return "redirect:/manage/calendar?year=" + date.getYear();
  }

  @PostMapping("/remove")
  public String remove(@RequestParam String day, HttpServletResponse response) {
    if (!currentUser.isIn(Roles.ADMINS)) {
      return forbidden(response);
    }
    LocalDate date = parse(day);
    if (date != null && WorkingDayCalendar.storable(date.getYear())) {
      calendar.remove(date);
    }
    return "redirect:/manage/calendar" + (date == null || !WorkingDayCalendar.storable(date.getYear()) ? ""
        : "?year=" + date.getYear());
  }

  private String show(int year, List<String> problems, HttpServletRequest request, Model model) {
    model.addAttribute("year", year);
    model.addAttribute("days", calendar.year(year));
    model.addAttribute("problems", problems);
    model.addAttribute("csrfField", RequestAuthentication.CSRF_FIELD);
    model.addAttribute("csrfToken", currentUser.csrfToken(request));
    return "calendar/year";
  }

  private static LocalDate parse(String day) {
    try {
      return LocalDate.parse(day.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String forbidden(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    return "calendar/forbidden";
  }
}
