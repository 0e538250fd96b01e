package org.noticeboard.x.faults;

import org.noticeboard.x.testing.XTestApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A portal instance in a JVM of its own, for a test to kill: {@code XTestApplication} with the
 * settings given as {@code --name=value} arguments. Prints {@value #READY} once it runs.
 */
public final class PortalProcess {

    static final String READY = "PORTAL PROCESS READY";

    private PortalProcess() {}

    public static void main(String[] args) {
        // never outlive the test's JVM, even if that one is killed before it can kill this one
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
        new SpringApplicationBuilder(XTestApplication.class).run(args);
        System.out.println(READY);
        System.out.flush();
    }
}
