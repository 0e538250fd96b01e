package org.noticeboard.app;

import org.noticeboard.demo.DemoData;
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

    DemoSeeding(NoticeboardProperties properties, DemoData demoData) {
        this.properties = properties;
        this.demoData = demoData;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (properties.demoMode() && properties.demo().seed() && demoData.seedIfAbsent()) {
            log.info("Demo data seeded: the sign-in page lists the demo users {}",
                    DemoData.USERS.stream().map(DemoData.DemoUser::username).toList());
        }
    }
}
