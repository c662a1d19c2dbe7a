package dev.supervisedtemporal.chaos;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock holder, run in a child JVM: takes the file lock of a state dir's lock file, records
 * its pid in it as a manager would, prints {@code LOCKED}, and holds it until it is killed or
 * its parent JVM is gone.
 *
 * <p>Argument: {@code <lock-file>}. Exit code 3: the lock stayed taken for the whole window.
 * Its wait is a hand-written loop, not {@code Await}: the child JVM's class path holds only this
 * module's classes.
 */
final class LockHolderMain {

  private static final long LOCK_WINDOW_NANOS = 5_000_000_000L;

  private LockHolderMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    ParentWatch.start();
    Path file = Path.of(args[0]);
    long deadline = System.nanoTime() + LOCK_WINDOW_NANOS;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
        StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
      FileLock lock = channel.tryLock();
      while (lock == null) {
        if (System.nanoTime() > deadline) {
          System.out.println("BUSY");
          System.out.flush();
          System.exit(3);
        }
        Thread.sleep(10);
        lock = channel.tryLock();
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid=" + ProcessHandle.current().pid()
          + "\nowner=supervised-temporal chaos lock holder\n").getBytes(StandardCharsets.UTF_8)),
          0);
      channel.force(false);
      System.out.println("LOCKED");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
