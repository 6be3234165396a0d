package org.riskmonitor.form;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.riskmonitor.input.FormRefusal;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The engine wraps whatever a task or execution listener throws in a generic exception, which
 * REST reports as HTTP 500. This outermost interceptor, running after the transaction rolled
 * back, rethrows a {@link FormRefusal} as itself so the user gets a 400 and its message. Each
 * refusal that reaches the caller is counted once. Engine internals (a command interceptor,
 * Camunda 7.24): the public API offers no other place that sees a listener's exception unwrapped.
 */
@Component
public class FormRefusalPlugin extends AbstractProcessEnginePlugin {

  private final SubmissionRefusals refusals;

  /** Lazy: the engine is built before the beans the refusal counter needs. */
  public FormRefusalPlugin(@Lazy SubmissionRefusals refusals) {
    this.refusals = refusals;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(0, new Unwrapping(refusals));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  static final class Unwrapping extends CommandInterceptor {

    private final SubmissionRefusals refusals;

    Unwrapping(SubmissionRefusals refusals) {
      this.refusals = refusals;
    }

    @Override
    public <T> T execute(Command<T> command) {
      // a command run inside another one (a listener calling a service) passes here too; the
      // refusal is counted where it leaves the engine
      boolean outermost = Context.getCommandContext() == null;
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
          if (cause instanceof FormRefusal refusal) {
            if (outermost) {
              refusals.count();
            }
            throw refusal;
          }
        }
        throw e;
      }
    }
  }
}
