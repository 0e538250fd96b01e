package org.noticeboard.app;

import org.noticeboard.installation.Installation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** In live mode, makes sure the configured organisation and its first admin exist. */
@Component
class LiveSetup {

    private static final Logger log = LoggerFactory.getLogger(LiveSetup.class);

    private final NoticeboardProperties properties;
    private final Installation installation;

    LiveSetup(NoticeboardProperties properties, Installation installation) {
        this.properties = properties;
        this.installation = installation;
    }

    @EventListener(ApplicationReadyEvent.class)
    void setUp() {
        var oidc = properties.oidc();
        if (properties.demoMode() || oidc.organisation() == null) {
            return;
        }
        String name = oidc.organisationName() == null ? oidc.organisation() : oidc.organisationName();
        if (installation.ensureOrganisation(oidc.organisation().strip(), name, oidc.firstAdminEmail())) {
            log.info("Organisation \"{}\" set up; its first admin signs in with the configured e-mail address", name);
        }
    }
}
