package org.noticeboard.app;

import org.noticeboard.post.PostExpiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Expires posts whose time came before every approval, once a minute. Each post moves in one
 * conditional UPDATE, so running it on several instances at once is harmless; publishing (issue 5)
 * moves background work onto db-scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);

    private final PostExpiry expiry;

    ExpiryJob(PostExpiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(fixedDelayString = "${noticeboard.expiry-check-ms:60000}", initialDelayString = "${noticeboard.expiry-check-ms:60000}")
    void expire() {
        int expired = expiry.expireDue();
        if (expired > 0) {
            log.info("{} post(s) expired: their time came before every approval", expired);
        }
    }
}
