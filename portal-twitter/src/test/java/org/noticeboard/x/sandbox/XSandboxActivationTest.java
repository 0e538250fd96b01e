package org.noticeboard.x.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The portal scans every package of ours: the sandbox must appear only when it is switched on. */
class XSandboxActivationTest {

    /** What the portal's @SpringBootApplication does to this package. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = XSandbox.class)
    static class PortalLikeScan {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PortalLikeScan.class)
            .withBean(DSLContext.class, () -> DSL.using(SQLDialect.POSTGRES));

    @Test
    void a_component_scan_finds_nothing_of_the_sandbox_unless_it_is_enabled() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(XSandbox.class);
            assertThat(context).doesNotHaveBean(XSandboxApiController.class);
            assertThat(context).doesNotHaveBean(XSandboxOAuthController.class);
            assertThat(context).doesNotHaveBean(XSandboxConfiguration.class);
        });
        runner.withPropertyValues(XSandboxConfiguration.ENABLED + "=false")
                .run(context -> assertThat(context).doesNotHaveBean(XSandbox.class));
    }

    @Test
    void enabled_it_brings_its_service_and_both_controllers_once() {
        runner.withPropertyValues(XSandboxConfiguration.ENABLED + "=true").run(context -> {
            assertThat(context).hasSingleBean(XSandbox.class);
            assertThat(context).hasSingleBean(XSandboxApiController.class);
            assertThat(context).hasSingleBean(XSandboxOAuthController.class);
        });
    }
}
