package dev.supervisedtemporal.lifecycle;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.List;
import org.apiguardian.api.API;

/** Thrown when the server's port is held by a process that is not ours; names that process. */
@API(status = STABLE, since = "0.1.0")
public final class PortInUseException extends TemporalStartException {

  private static final long serialVersionUID = 1L;

  private final int port;
  private final long holderPid;

  /** Creates the exception for a port and the pid holding it (-1 when unknown). */
  public PortInUseException(int port, long holderPid, String holder, List<String> command,
      List<String> logTail) {
    super("port " + port + " on 127.0.0.1 is taken by " + holder
        + "; the server keeps its port across restarts, so it waits for the port to be freed",
        command, logTail, null);
    this.port = port;
    this.holderPid = holderPid;
  }

  /** The contested port. */
  public int port() {
    return port;
  }

  /** The pid of the process that holds the port, or -1 when it could not be found. */
  public long holderPid() {
    return holderPid;
  }
}
