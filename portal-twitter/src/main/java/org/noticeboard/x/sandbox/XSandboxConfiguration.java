package org.noticeboard.x.sandbox;

import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The X sandbox, switched on by {@code noticeboard.x.sandbox.enabled=true} and off otherwise. The
 * portal's component scan reaches this package too, so the controllers carry the same condition
 * as this class; the scan here finds them where nothing else scans (the stand-alone
 * {@link XSandboxServer}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(XSandboxConfiguration.ENABLED)
@ComponentScan(basePackageClasses = XSandboxConfiguration.class, useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = RestController.class))
public class XSandboxConfiguration implements WebMvcConfigurer {

    public static final String ENABLED = "noticeboard.x.sandbox.enabled";
    /** Where the sandbox is mounted, next to the portal's own pages. */
    public static final String PREFIX = "/x-sandbox";
    /** The length of the sandbox's rate-limit windows; X's is 15 minutes (the default). */
    public static final String RATE_LIMIT_WINDOW = "noticeboard.x.sandbox.rate-limit-window";

    private final SandboxOAuth oauth;
    private final RateLimits rateLimits;

    XSandboxConfiguration(DSLContext dsl, ObjectProvider<Clock> clock, org.springframework.core.env.Environment environment) {
        Clock time = clock.getIfUnique(Clock::systemUTC);
        this.oauth = new SandboxOAuth(dsl, time);
        this.rateLimits = new RateLimits(time, environment.getProperty(RATE_LIMIT_WINDOW, java.time.Duration.class,
                RateLimits.WINDOW));
    }

    @Bean
    XSandbox xSandbox(DSLContext dsl, ObjectProvider<Clock> clock) {
        return new XSandbox(dsl, clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    SandboxOAuth xSandboxOAuth() {
        return oauth;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiAccess(oauth, rateLimits)).addPathPatterns(PREFIX + "/2/**");
    }
}
