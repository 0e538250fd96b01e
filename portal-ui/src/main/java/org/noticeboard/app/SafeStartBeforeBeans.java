package org.noticeboard.app;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@link SafeStart}'s checks once more, with the context's property sources complete: property
 * sources added after the environment was prepared (an application context initializer's, a
 * test's {@code @DynamicPropertySource}) are not seen by the environment post-processor. Bean
 * factory post-processors run before any bean is made, so this still comes before the embedded
 * PostgreSQL, the connection pool, Flyway and the web server.
 */
@Component
class SafeStartBeforeBeans implements BeanFactoryPostProcessor, EnvironmentAware, PriorityOrdered {

    private @org.jspecify.annotations.Nullable ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        if (environment instanceof ConfigurableEnvironment configurable) {
            this.environment = configurable;
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment != null) {
            SafeStart.verify(environment);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
