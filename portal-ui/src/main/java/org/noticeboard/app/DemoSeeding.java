package org.noticeboard.app;

import org.noticeboard.demo.DemoData;
import org.noticeboard.demo.DemoDirectory;
import org.noticeboard.x.sandbox.XSandbox;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** In demo mode, seeds the demo organisations on the first start. */
@Component
class DemoSeeding {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeding.class);

    private final NoticeboardProperties properties;
    private final DemoData demoData;
    private final DemoDirectory demoDirectory;

    private final ObjectProvider<XSandbox> sandbox;

    DemoSeeding(NoticeboardProperties properties, DemoData demoData, DemoDirectory demoDirectory,
            ObjectProvider<XSandbox> sandbox) {
        this.properties = properties;
        this.demoData = demoData;
        this.demoDirectory = demoDirectory;
        this.sandbox = sandbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (properties.demoMode() && properties.demo().seed() && demoData.seedIfAbsent()) {
            log.info("Demo data seeded: the sign-in page lists the demo users {}",
                    DemoData.USERS.stream().map(DemoData.DemoUser::username).toList());
            if (demoDirectory.seedIfEmpty()) {
                log.info("Demo stakeholder directory and follow lists seeded ({} stakeholders)",
                        DemoDirectory.STAKEHOLDERS.size());
            }
        }
        XSandbox world = sandbox.getIfAvailable();
        if (properties.demoMode() && properties.demo().seed() && world != null) {
            // the X users behind the demo's official accounts, and people who talk to them
            world.seedDemoWorld();
        }
    }
}
