package org.riskmonitor.engineapi;

import jakarta.ws.rs.core.FeatureContext;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Adds {@link SharedRestObjectMapper} to every Jersey application of the process: Camunda's REST
 * applications are Camunda's classes, assembled by its starters, with no hook of their own for a
 * provider. Jersey finds this class through META-INF/services.
 */
public class SharedRestObjectMapperDiscovery implements ForcedAutoDiscoverable {

  @Override
  public void configure(FeatureContext context) {
    if (!context.getConfiguration().isRegistered(SharedRestObjectMapper.class)) {
      context.register(SharedRestObjectMapper.class);
    }
  }
}
