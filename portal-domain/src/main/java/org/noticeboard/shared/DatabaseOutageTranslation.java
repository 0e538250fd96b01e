package org.noticeboard.shared;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.Advisor;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;

/**
 * Around every domain service ({@code @Service} in {@code org.noticeboard}), outside its
 * transaction: a failure to reach the database leaves the service as a
 * {@link DatabaseUnavailableException}, a {@link DomainException} whose message people can act on.
 * Other exceptions pass unchanged.
 */
final class DatabaseOutageTranslation implements MethodInterceptor {

    /** Just outside the transaction interceptor (lowest precedence), so a failed begin or commit is translated too. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    static Advisor advisor() {
        ClassFilter ours = type -> type.getName().startsWith("org.noticeboard.");
        var services = new ComposablePointcut(new AnnotationMatchingPointcut(Service.class, true)).intersection(ours);
        var advisor = new DefaultPointcutAdvisor(services, new DatabaseOutageTranslation());
        advisor.setOrder(ORDER);
        return advisor;
    }

    @Override
    public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
        try {
            return invocation.proceed();
        } catch (DatabaseUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseUnavailableException.isCause(e)) {
                throw new DatabaseUnavailableException(e);
            }
            throw e;
        }
    }
}
