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

    final Playwright playwright;
    final Browser browser;

    Chromium() {
        this(0);
    }

    /**
     * A Chromium whose processes, and the Playwright driver that talks to it, run at the given
     * niceness (0 to 19). The load benchmarks use it: the browsers stand in for the users' own
     * computers, so on the portal's machine they should get only the CPU the portal leaves.
     */
    Chromium(int niceness) {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Chromium not found at " + EXECUTABLE
                    + ": install it (apt-get install -y chromium; .ci/run does) or set -Dnoticeboard.chromium");
        }
        var before = descendants();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Path executable = EXECUTABLE;
        if (niceness > 0) {
            descendants().stream().filter(pid -> !before.contains(pid)).forEach(pid -> renice(pid, niceness));
            executable = lowPriority(niceness);
        }
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** This JVM's child processes and theirs; the new ones after {@code Playwright.create} are its driver. */
    private static java.util.Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
    }

    /** Every thread of the process (Linux sets niceness per thread), and so every thread it starts later. */
    private static void renice(long pid, int niceness) {
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                new ProcessBuilder("renice", "-n", Integer.toString(niceness), "-p", task.getFileName().toString())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
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
     * A script that starts Chromium through {@code nice}, so all its processes inherit the niceness, and
     * without the capability to lower it again.
     */
    private static Path lowPriority(int niceness) {
        try {
            Path script = Files.createTempFile("chromium-nice-" + niceness + "-", ".sh");
            // run as root, Chromium would raise its own display threads back to -8 and its renderers to 0:
            // without CAP_SYS_NICE it cannot
            Files.writeString(script, "#!/bin/sh\n"
                    + "if command -v setpriv >/dev/null; then drop='setpriv --inh-caps=-sys_nice --bounding-set=-sys_nice'; fi\n"
                    + "exec $drop nice -n " + niceness + " '" + EXECUTABLE + "' \"$@\"\n");
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
}
