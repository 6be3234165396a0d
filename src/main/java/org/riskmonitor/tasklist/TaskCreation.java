package org.riskmonitor.tasklist;

import org.camunda.bpm.engine.delegate.TaskListener;

/** Something every user task gets when it is created, whatever the process (see {@link TaskCardColumns}). */
public interface TaskCreation extends TaskListener {
}
