package org.riskmonitor.taskcreation;

import org.camunda.bpm.engine.delegate.TaskListener;

/** Something every user task gets when it is created, whatever the process (see {@link TaskCreationHooks}). */
public interface TaskCreation extends TaskListener {
}
