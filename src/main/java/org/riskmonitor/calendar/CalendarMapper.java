package org.riskmonitor.calendar;

import java.time.LocalDate;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
public interface CalendarMapper {

  @Select("SELECT calendar_date, working, name, source FROM rm_calendar_day WHERE calendar_date BETWEEN #{from} AND #{to} ORDER BY calendar_date")
  List<CalendarDay> between(@Param("from") LocalDate from, @Param("to") LocalDate to);

  @Insert("INSERT INTO rm_calendar_day (calendar_date, working, name, source) VALUES (#{d.calendarDate}, #{d.working}, #{d.name}, #{d.source})")
  void insert(@Param("d") CalendarDay day);

  @Delete("DELETE FROM rm_calendar_day WHERE calendar_date = #{day}")
  int delete(LocalDate day);
}
