package org.riskmonitor.taskquery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@link GrantAwareAuthorizationManager} has read of the authorization table (which of the
 * user's groups hold authorizations, the user's broad grants, the answers of checks such as READ on
 * the filter being opened) and {@link TasklistIdentityProvider} of a user's groups.
 *
 * <p>Every engine command gets its own, except during a read-only HTTP request, where
 * {@link ReadOnlyRequestAuthorizationReads} opens one for the request's thread and every command of
 * that request (a Tasklist page is the filter's READ check, the list, the count and the card
 * variables) shares it. What does not depend on grants on one task is also kept across requests
 * while the authorization version stays ({@link AuthorizationReadsAcrossRequests}): an
 * administrator's revoke, or a change of groups or memberships, takes effect at the next request on
 * every node, as without them. Once the
 * engine writes or deletes any authorization through the authorization manager, nothing more is
 * kept or taken from what is kept for the rest of the request (or command), so no command decides
 * on grants read before they changed.
 */
final class AuthorizationReads {

  private static final ThreadLocal<AuthorizationReads> REQUEST = new ThreadLocal<>();

  private final Map<Object, Object> reads = new HashMap<>();
  /** What is kept across requests; none for a command outside a read-only request. */
  private final AuthorizationReadsAcrossRequests acrossRequests;
  private Long version;
  private boolean written;

  private AuthorizationReads(AuthorizationReadsAcrossRequests acrossRequests) {
    this.acrossRequests = acrossRequests;
  }

  /** The reads of the current request if one is open, otherwise new ones for this command only. */
  static AuthorizationReads forCommand() {
    return Optional.ofNullable(REQUEST.get()).orElseGet(() -> new AuthorizationReads(null));
  }

  /** Opens the reads of a request on this thread, shared by its commands until closed. */
  static RequestReads openForRequest(AuthorizationReadsAcrossRequests acrossRequests) {
    REQUEST.set(new AuthorizationReads(acrossRequests));
    return REQUEST::remove;
  }

  /** What the loader reads for this key (a list naming what is read and every input it depends on). */
  @SuppressWarnings("unchecked")
  <T> T read(List<?> key, Supplier<T> loader) {
    if (written) {
      return loader.get();
    }
    Object known = reads.get(key);
    if (known != null) {
      return (T) known;
    }
    T read = loader.get();
    reads.put(key, read);
    return read;
  }

  /**
   * As {@link #read}, and within a read-only request also from what is kept across requests: only
   * for reads whose answer no grant on one task can change.
   */
  <T> T readAcrossRequests(List<?> key, Supplier<T> loader) {
    if (written || acrossRequests == null) {
      return read(key, loader);
    }
    if (version == null) {
      version = acrossRequests.version();
    }
    long readVersion = version;
    return read(key, () -> acrossRequests.read(readVersion, key, loader));
  }

  /**
   * An authorization is being written: the engine writes it when its command ends, so what is read
   * until then may already be out of date; from now on every read goes to the database.
   */
  void authorizationWritten() {
    written = true;
    reads.clear();
  }

  /** The reads of one request, dropped when it ends. */
  interface RequestReads extends AutoCloseable {
    @Override
    void close();
  }
}
