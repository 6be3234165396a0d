package org.riskmonitor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used so far (user and system, from Linux's {@code /proc/PID/stat}), so a
 * benchmark can say where the machine's cores went: to the application nodes, the database server,
 * the load balancer or the clients.
 */
final class CpuTime {

  /** Linux's clock ticks per second for /proc (USER_HZ, 100 on every mainstream kernel). */
  private static final double TICKS_PER_SECOND = 100;

  private CpuTime() {
  }

  /** Seconds of CPU the process has used, or 0 when it is gone. */
  static double seconds(long pid) {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    } catch (IOException e) {
      return 0;
    }
    // the command name, in parentheses, may hold spaces: count the fields after it
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  /** The first running process whose command is the given executable, or -1. */
  static long pidOf(String executable) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/" + executable)).orElse(false))
        .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
  }
}
