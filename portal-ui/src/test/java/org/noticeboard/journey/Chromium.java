package org.noticeboard.journey;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Debian's Chromium (installed by .ci/run), headless, driven by Playwright; its own download is off. */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getProperty("noticeboard.chromium", "/usr/bin/chromium"));
    /**
     * Debian's "old headless shell" ({@code apt-get install chromium-headless-shell}), the build Playwright
     * itself uses for headless runs: no display compositor or GPU process, so a page costs far less CPU.
     */
    static final Path HEADLESS_SHELL = Path.of("/usr/bin/chromium-headless-shell");

    /**
     * The browser for the load benchmarks: {@code -Dload.chromium}, else the headless shell where it is
     * installed, else Chromium.
     */
    static Path forLoad() {
        String chosen = System.getProperty("load.chromium");
        if (chosen != null) {
            return Path.of(chosen);
        }
        return Files.isExecutable(HEADLESS_SHELL) ? HEADLESS_SHELL : EXECUTABLE;
    }

    /** The control group for the load benchmarks' browsers, on machines with cgroup v1's cpu controller. */
    static final String IDLE_GROUP = "/sys/fs/cgroup/cpu/noticeboard-load-browsers";

    final Playwright playwright;
    final Browser browser;

    Chromium() {
        this(forJourneys(), 0, false, null);
    }

    /**
     * The browser for the journeys: {@code -Dnoticeboard.chromium} if set, else the headless shell where it
     * is installed (.ci/run installs it: the journeys and axe-core's checks cost far less CPU in it), else
     * Chromium.
     */
    static Path forJourneys() {
        if (System.getProperty("noticeboard.chromium") != null) {
            return EXECUTABLE;
        }
        return Files.isExecutable(HEADLESS_SHELL) ? HEADLESS_SHELL : EXECUTABLE;
    }

    /**
     * A Chromium whose processes, and the Playwright driver that talks to it, run at the given
     * niceness (0 to 19). The load benchmarks use it: the browsers stand in for the users' own
     * computers, so on the portal's machine they should get only the CPU the portal leaves.
     *
     * <p>{@code idle}: they also run under Linux's {@code SCHED_IDLE} policy. Niceness alone is not
     * enough: the kernel's EEVDF scheduler lets a running task of any niceness finish its time slice
     * (a few ms) before a woken portal or PostgreSQL thread gets the core, and a round trip wakes
     * them dozens of times (each SQL statement is two wake-ups). A {@code SCHED_IDLE} task is
     * preempted at once by any other.
     *
     * <p>{@code cpus}: a CPU list for {@code taskset} (e.g. "1"), or null for all. This machine's kernel
     * does not preempt a task inside a system call ({@code CONFIG_PREEMPT_NONE}), and 50 Chromium
     * renderers spend a third of their time there; kept off one core, they leave it to the portal and
     * PostgreSQL whatever the scheduling policy.
     */
    Chromium(Path executable, int niceness, boolean idle, @org.jspecify.annotations.Nullable String cpus) {
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("Chromium not found at " + executable
                    + ": install it (apt-get install -y chromium; .ci/run does) or set -Dnoticeboard.chromium");
        }
        var before = descendants();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Path launched = executable;
        if (niceness > 0) {
            descendants().stream().filter(pid -> !before.contains(pid)).forEach(pid -> renice(pid, niceness, idle, cpus));
            launched = lowPriority(executable, niceness, idle, cpus);
        }
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(launched)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        if (niceness > 0) {
            for (long pid : descendants()) {
                if (!before.contains(pid)) {
                    autogroupNice(pid, niceness);
                    if (idle && talksToTheNetwork(pid)) {
                        firstInItsGroup(pid);
                    }
                }
            }
        }
    }

    /** Chromium's browser process, or its network service: the processes that time each request. */
    private static boolean talksToTheNetwork(long pid) {
        try {
            String command = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
            return command.contains("chromium") && (!command.contains("--type=") || command.contains("network.mojom"));
        } catch (java.io.IOException gone) {
            return false;
        }
    }

    /**
     * Inside the browser's session group (niceness 19, so it still yields to the portal), the browser
     * process and its network service run before the renderers, which stay under SCHED_IDLE. Playwright's
     * request timings are taken there: starved behind 10 busy renderers, they counted the stand-in
     * browser's own wait for a core as part of the portal's round trip.
     */
    private static void firstInItsGroup(long pid) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String tid = task.getFileName().toString();
                run("chrt", "--other", "-p", "0", tid);
                run("renice", "-n", "0", "-p", tid);
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // ended already
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not raise the browser process " + pid + " within its group", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Playwright starts Chromium in a session of its own ({@code setsid}), and where the kernel groups
     * tasks by session ({@code /proc/sys/kernel/sched_autogroup_enabled}), each such group competes for
     * the CPU as one task of niceness 0, whatever the niceness or policy of the tasks inside it. Five
     * browsers were five groups, each weighing as much as the whole portal's JVM: the portal's threads
     * waited 3 ms on the run queue for each time they ran (/proc/.../schedstat, docs/performance.md).
     * So the browser's group gets the niceness too. The driver and this JVM share their group, which
     * stays as it is.
     */
    private static void autogroupNice(long pid, int niceness) {
        Path group = Path.of("/proc", Long.toString(pid), "autogroup");
        try {
            String own = Files.readString(Path.of("/proc/self/autogroup")).strip().split(" ")[0];
            if (!Files.readString(group).strip().split(" ")[0].equals(own)) {
                Files.writeString(group, Integer.toString(niceness));
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // a process that has ended, or a kernel without session groups: nothing to lower
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not lower the priority of the session group of process " + pid, e);
        }
    }

    /** This JVM's child processes and theirs; the new ones after {@code Playwright.create} are its driver. */
    private static java.util.Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
    }

    /** Every thread of the process (Linux sets niceness per thread), and so every thread it starts later. */
    private static void renice(long pid, int niceness, boolean idle, @org.jspecify.annotations.Nullable String cpus) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String tid = task.getFileName().toString();
                run("renice", "-n", Integer.toString(niceness), "-p", tid);
                if (idle) {
                    run("chrt", "--idle", "-p", "0", tid);
                }
                if (cpus != null) {
                    run("taskset", "-p", "-c", cpus, tid);
                }
            }
        } catch (java.nio.file.NoSuchFileException gone) {
            // a short-lived process (a shell, a helper) that has ended already
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not lower the priority of process " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The calling thread, and the threads it starts from then on (Linux passes niceness and policy on),
     * at the browsers' priority: the harness thread that drives a browser, and Playwright's threads
     * for it, stand in for the user's computer too. They share this JVM's session group with the
     * portal, so without this they would compete with it as equals.
     */
    static void lowerThisThread(int niceness, boolean idle) {
        if (niceness <= 0) {
            return;
        }
        try {
            String tid = Path.of("/proc/thread-self").toRealPath().getFileName().toString();
            run("renice", "-n", Integer.toString(niceness), "-p", tid);
            if (idle) {
                run("chrt", "--idle", "-p", "0", tid);
            }
        } catch (java.nio.file.NoSuchFileException notLinux) {
            // no /proc/thread-self: the thread keeps its priority
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not lower the priority of the load thread", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(String... command) throws java.io.IOException, InterruptedException {
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /**
     * A script that starts Chromium through {@code nice}, so all its processes inherit the niceness, and
     * without the capability to lower it again.
     */
    private static Path lowPriority(Path executable, int niceness, boolean idle,
            @org.jspecify.annotations.Nullable String cpus) {
        try {
            Path script = Files.createTempFile("chromium-nice-" + niceness + "-", ".sh");
            // run as root, Chromium would raise its own display threads back to -8 and its renderers to 0:
            // without CAP_SYS_NICE it cannot
            Files.writeString(script, "#!/bin/sh\n"
                    + "if command -v setpriv >/dev/null; then drop='setpriv --inh-caps=-sys_nice --bounding-set=-sys_nice'; fi\n"
                    + (idle ? "if command -v chrt >/dev/null; then idle='chrt --idle 0'; fi\n" : "")
                    // all the browsers in one control group that is idle as a whole (cgroup v1's cpu.idle),
                    // where the machine offers one: the kernel then runs them only when nothing else wants a
                    // core, and their session groups (see autogroupNice) no longer count
                    + (idle ? "g=" + IDLE_GROUP + "; if mkdir -p $g 2>/dev/null && echo 1 > $g/cpu.idle 2>/dev/null; then "
                            + "echo $$ > $g/cgroup.procs; fi\n" : "")
                    + (cpus != null ? "if command -v taskset >/dev/null; then only='taskset -c " + cpus + "'; fi\n" : "")
                    + "exec $drop $idle $only nice -n " + niceness + " '" + executable + "' \"$@\"\n");
            script.toFile().setExecutable(true);
            script.toFile().deleteOnExit();
            return script;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Could not write the low-priority Chromium script", e);
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    private static @org.jspecify.annotations.Nullable Chromium shared;

    /**
     * The one Chromium of this JVM's journeys: starting Playwright's driver and a browser takes seconds,
     * and every journey opens contexts of its own in it (no cookies or storage shared between them).
     * Closed when the JVM ends.
     */
    static synchronized Chromium shared() {
        if (shared == null) {
            var started = new Chromium();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (RuntimeException ignored) {
                    // the JVM is ending; its driver process goes with it
                }
            }));
            shared = started;
        }
        return shared;
    }
}
