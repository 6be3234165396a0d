package org.riskmonitor.taskquery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What {@link GrantAwareAuthorizationManager} has read of the authorization table: which of the
 * user's groups hold authorizations, the user's broad grants, and the answers of single checks
 * (such as READ on the filter being opened).
 *
 * <p>Every engine command gets its own, except during a read-only HTTP request, where
 * {@link ReadOnlyRequestAuthorizationReads} opens one for the request's thread and every command of
 * that request (a Tasklist page is the filter's READ check, the list, the count and the card
 * variables) shares it. Nothing outlives its request: an administrator's revoke takes effect at
 * the next request on every node, as without it. Once the engine writes or deletes any authorization
 * through the authorization manager, nothing more is kept for the rest of the request (or command),
 * so no command decides on grants read before they changed.
 */
final class AuthorizationReads {

  private static final ThreadLocal<AuthorizationReads> REQUEST = new ThreadLocal<>();

  private final Map<Object, Object> reads = new HashMap<>();
  private boolean written;

  /** The reads of the current request if one is open, otherwise new ones for this command only. */
  static AuthorizationReads forCommand() {
    return Optional.ofNullable(REQUEST.get()).orElseGet(AuthorizationReads::new);
  }

  /** Opens the reads of a request on this thread, shared by its commands until closed. */
  static RequestReads openForRequest() {
    REQUEST.set(new AuthorizationReads());
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
