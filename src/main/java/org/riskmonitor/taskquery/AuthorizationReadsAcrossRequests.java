package org.riskmonitor.taskquery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What read-only requests have read of the authorizations that decide more than one task (a user's
 * broad grants and revokes, READ on a filter) and of groups and memberships (a user's groups), kept
 * on this node while the authorization version (RM_AUTHORIZATION_VERSION, db/engine-indexes-*, V5
 * and V6) stays where it was when they were read. Every request reads the version once, before
 * anything else of the authorizations, so a revoke committed before the request starts decides it,
 * on every node, as when each request read every grant.
 * Grants on one task are not kept here: the engine writes them with every candidate link and
 * assignee, and they do not advance the version.
 */
@Component
public class AuthorizationReadsAcrossRequests {

  /** Enough for every user of a national programme's few filters; beyond it, reads are not kept. */
  static final int MOST_KEPT = 100_000;

  private final TasklistTaskMapper mapper;
  private final AtomicReference<Kept> kept = new AtomicReference<>(new Kept(-1));

  public AuthorizationReadsAcrossRequests(TasklistTaskMapper mapper) {
    this.mapper = mapper;
  }

  /** The version now committed. */
  long version() {
    return mapper.authorizationVersion();
  }

  /**
   * What the loader reads for this key, as kept for this version if it is the newest seen; a request
   * that read an older version than another already keeps reads for itself.
   */
  @SuppressWarnings("unchecked")
  <T> T read(long version, List<?> key, Supplier<T> loader) {
    Kept current = kept.updateAndGet(known -> known.version >= version ? known : new Kept(version));
    if (current.version != version) {
      return loader.get();
    }
    Object known = current.reads.get(key);
    if (known != null) {
      return (T) known;
    }
    T read = loader.get();
    if (current.reads.size() < MOST_KEPT) {
      current.reads.put(key, read);
    }
    return read;
  }

  private record Kept(long version, Map<Object, Object> reads) {

    Kept(long version) {
      this(version, new ConcurrentHashMap<>());
    }
  }
}
