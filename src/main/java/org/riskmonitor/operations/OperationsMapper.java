package org.riskmonitor.operations;

import java.util.Date;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The engine's runtime tables read directly, one grouped query per figure: no engine query API, so
 * no authorization check runs as anybody, and the figures cover every case.
 */
@Mapper
public interface OperationsMapper {

  /** Jobs by process and type: with retries left, of those due now, and failed with none left. */
  @Select("""
      SELECT COALESCE(PROCESS_DEF_KEY_, 'none') AS process, TYPE_ AS type,
             SUM(CASE WHEN RETRIES_ > 0 THEN 1 ELSE 0 END) AS open_jobs,
             SUM(CASE WHEN RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= #{now})
                      THEN 1 ELSE 0 END) AS due_jobs,
             SUM(CASE WHEN RETRIES_ = 0 THEN 1 ELSE 0 END) AS failed_jobs
        FROM ACT_RU_JOB
       GROUP BY PROCESS_DEF_KEY_, TYPE_""")
  List<JobFigure> jobs(Date now);

  @Select("""
      SELECT COALESCE(d.KEY_, 'none') AS process, i.INCIDENT_TYPE_ AS type, COUNT(*) AS incidents
        FROM ACT_RU_INCIDENT i
        LEFT JOIN ACT_RE_PROCDEF d ON d.ID_ = i.PROC_DEF_ID_
       GROUP BY d.KEY_, i.INCIDENT_TYPE_""")
  List<IncidentFigure> incidents();

  /**
   * Open tasks by the phase their case stood in when the task was created (the task-local copy of
   * phaseName every task carries for its Tasklist card), and those past their due date; tasks
   * without the copy are not listed ({@link #allTasks} holds them). Read from the variables'
   * side: joining every task to its variables reads each task's variables at random, which took
   * 5-27 s at 100,000 open tasks when they no longer fit the database's cache; one pass over the
   * variables with a primary-key look-up of the task per phaseName takes about 1 s. MySQL would
   * start from the tasks, hence the join order is fixed there.
   */
  @Select("""
      <script>
      SELECT <if test="_databaseId == 'mysql'">STRAIGHT_JOIN</if> v.TEXT_ AS phase, COUNT(*) AS open_tasks,
             SUM(CASE WHEN t.DUE_DATE_ &lt; #{now} THEN 1 ELSE 0 END) AS overdue_tasks
        FROM ACT_RU_VARIABLE v
        JOIN ACT_RU_TASK t ON t.ID_ = v.TASK_ID_
       WHERE v.NAME_ = 'phaseName'
       GROUP BY v.TEXT_
      </script>""")
  List<TaskFigure> tasksByPhase(@Param("now") Date now);

  /** Every open task, and those past their due date, under the phase "none". */
  @Select("""
      SELECT 'none' AS phase, COUNT(*) AS open_tasks,
             COALESCE(SUM(CASE WHEN DUE_DATE_ < #{now} THEN 1 ELSE 0 END), 0) AS overdue_tasks
        FROM ACT_RU_TASK""")
  TaskFigure allTasks(@Param("now") Date now);
}
