package dev.supervisedtemporal.lifecycle.process;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apiguardian.api.API;

/**
 * Starts server processes in a process group of their own that die with this JVM.
 *
 * <p>The command is wrapped as {@code setpriv --pdeathsig KILL setsid <command>}: {@code setsid}
 * (never {@code -f}) execs in place so the server's pid is also its process-group id, and the
 * parent-death signal kills the server if this JVM dies without running its shutdown hooks. The
 * kernel sends that signal when the <em>thread</em> that forked the child exits, so every spawn
 * runs on one daemon thread that lives as long as the JVM: {@value #THREAD_NAME}.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ProcessSpawner {

  /** The name of the JVM-wide spawning thread, which leak checks expect to stay. */
  public static final String THREAD_NAME = "supervised-temporal-spawner";

  private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, THREAD_NAME);
    t.setDaemon(true);
    return t;
  });

  private static final Path SETSID = findTool("setsid");
  private static final Path SETPRIV = findTool("setpriv");

  private ProcessSpawner() {}

  /** Whether servers can be put in their own process group on this machine. */
  public static boolean canIsolateGroups() {
    return SETSID != null;
  }

  /** Whether servers die with this JVM even when it is killed. */
  public static boolean hasParentDeathSignal() {
    return SETPRIV != null;
  }

  /**
   * Spawns the command in its own process group with output appended to the log file.
   *
   * @param command the program and its arguments, never a shell string
   * @param workDir the working directory
   * @param logFile where stdout and stderr go, appended
   * @return the started process; its pid is its process-group id
   */
  public static Process spawn(List<String> command, Path workDir, Path logFile)
      throws IOException, InterruptedException {
    return spawn(command, workDir, logFile,
        ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
  }

  /**
   * Spawns like {@link #spawn(List, Path, Path)}, but with a pipe on the child's stdin, which the
   * caller owns ({@link Process#getOutputStream()}); a standby reads its bind command there.
   */
  public static Process spawnWithInput(List<String> command, Path workDir, Path logFile)
      throws IOException, InterruptedException {
    return spawn(command, workDir, logFile, ProcessBuilder.Redirect.PIPE);
  }

  private static Process spawn(List<String> command, Path workDir, Path logFile,
      ProcessBuilder.Redirect input) throws IOException, InterruptedException {
    if (SETSID == null) {
      throw new IOException("setsid (util-linux) was not found on PATH; it is needed to give "
          + "each server its own process group");
    }
    List<String> full = new ArrayList<>();
    if (SETPRIV != null) {
      full.add(SETPRIV.toString());
      full.add("--pdeathsig");
      full.add("KILL");
    }
    full.add(SETSID.toString());
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
        .redirectInput(input);
    Future<Process> started = SPAWNER.submit(builder::start);
    try {
      return started.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new UncheckedIOException(new IOException("spawning " + command, cause));
    } catch (InterruptedException e) {
      // The spawn itself is quick: let it finish so no process escapes its owner.
      Process orphan = null;
      try {
        orphan = started.get();
      } catch (ExecutionException ignored) {
        // nothing was started
      }
      if (orphan != null) {
        orphan.destroyForcibly();
      }
      throw e;
    }
  }

  private static Path findTool(String name) {
    for (String dir : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }
}
