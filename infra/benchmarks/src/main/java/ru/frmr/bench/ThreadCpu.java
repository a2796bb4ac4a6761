package ru.frmr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A JVM's CPU time split by what its threads do, read from {@code /proc/<pid>/task/<tid>/stat} (Linux only):
 * the JIT compilers, the collector and the VM's own threads, and the rest (the application's). On a busy
 * machine a freshly started JVM keeps compiling for minutes, and at a low request rate that one-off cost
 * would swamp the per-request figure; the split shows how much of it is the work of each request.
 *
 * @param compilerTicks clock ticks of the C1/C2 compiler threads
 * @param vmTicks       clock ticks of the collector and VM threads
 * @param otherTicks    clock ticks of every other thread
 */
record ThreadCpu(long compilerTicks, long vmTicks, long otherTicks) {

    static final ThreadCpu UNAVAILABLE = new ThreadCpu(0, 0, 0);

    static ThreadCpu of(long pid) {
        long compiler = 0;
        long vm = 0;
        long other = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                // After the name: state, then fields 4..; utime and stime are fields 14 and 15.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                    compiler += ticks;
                } else if (name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM ")) {
                    vm += ticks;
                } else {
                    other += ticks;
                }
            }
            return new ThreadCpu(compiler, vm, other);
        } catch (IOException | RuntimeException e) {
            return UNAVAILABLE;
        }
    }

    ThreadCpu minus(ThreadCpu earlier) {
        return new ThreadCpu(compilerTicks - earlier.compilerTicks, vmTicks - earlier.vmTicks,
                otherTicks - earlier.otherTicks);
    }

    long totalTicks() {
        return compilerTicks + vmTicks + otherTicks;
    }

    /** "JIT 40% GC/VM 5% rest 55%", or "n/a" where /proc cannot be read. */
    String shares() {
        long total = totalTicks();
        if (total <= 0) {
            return "n/a";
        }
        return String.format(java.util.Locale.ROOT, "JIT %d%% GC/VM %d%% rest %d%%", 100 * compilerTicks / total,
                100 * vmTicks / total, 100 * otherTicks / total);
    }
}
