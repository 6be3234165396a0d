package org.riskmonitor.engineapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * One JSON mapper for Camunda's REST resources (/engine-rest and the webapps' /camunda/api), set up
 * exactly as Camunda's {@link JacksonConfigurator} sets up its own. That resolver hands out a new
 * mapper at every look-up, so every request built Jackson's (de)serializers afresh: reading the
 * filter's stored query into a TaskQueryDto alone took 8-15 % of the application's CPU under the
 * Tasklist load (docs/benchmarks.md). A configured mapper is safe to share between threads, and a
 * shared one keeps what it has built. Registered by {@link SharedRestObjectMapperDiscovery} for the
 * media types Camunda's resolver serves, ranked above it (Jersey asks the higher priority first).
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
@Priority(Priorities.USER + 1000)
public class SharedRestObjectMapper implements ContextResolver<ObjectMapper> {

  private static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
  private static final AtomicLong LOOK_UPS = new AtomicLong();

  @Override
  public ObjectMapper getContext(Class<?> type) {
    LOOK_UPS.incrementAndGet();
    return MAPPER;
  }

  /** How often the REST resources asked for it: they ask for a mapper at every request. */
  static long lookUps() {
    return LOOK_UPS.get();
  }
}
