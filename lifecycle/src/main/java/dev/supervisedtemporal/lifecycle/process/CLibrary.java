package dev.supervisedtemporal.lifecycle.process;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** Binds the few libc calls process-group signalling needs. */
interface CLibrary extends Library {

  /** The loaded C library. */
  CLibrary INSTANCE = Native.load("c", CLibrary.class);

  /** {@code kill(2)}: sends a signal to a process, or to a group when pid is negative. */
  int kill(int pid, int signal);

  /** {@code getpgid(2)}: the process group of a process, or -1. */
  int getpgid(int pid);
}
