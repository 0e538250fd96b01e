package org.noticeboard.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableExceptionTest {

    @Test
    void failures_to_reach_the_database_are_recognised_however_they_are_wrapped() {
        // Hikari gave up waiting for a connection while PostgreSQL refused them
        var refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException("refused"));
        var timedOut = new SQLTransientConnectionException("noticeboard - Connection is not available, request timed out after 5000ms", "08001", refused);
        assertThat(DatabaseUnavailableException.isCause(new CannotCreateTransactionException("Could not open JDBC Connection", timedOut))).isTrue();
        assertThat(DatabaseUnavailableException.isCause(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"))).isTrue();
        // the connection broke mid-statement: I/O error, or the server shutting down
        assertThat(DatabaseUnavailableException.isCause(new org.jooq.exception.DataAccessException("SQL [update post ...]",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(DatabaseUnavailableException.isCause(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseUnavailableException.isCause(new SQLException("the database system is starting up", "57P03"))).isTrue();
        // the rollback failed too and replaced the original failure, kept as the application exception
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(DatabaseUnavailableException.isCause(rollback)).isTrue();
    }

    @Test
    void other_failures_are_not_taken_for_an_outage() {
        assertThat(DatabaseUnavailableException.isCause(new DuplicateKeyException("duplicate key", new SQLException("dup", "23505")))).isFalse();
        assertThat(DatabaseUnavailableException.isCause(new DataIntegrityViolationException("check", new SQLException("check", "23514")))).isFalse();
        assertThat(DatabaseUnavailableException.isCause(new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")))).isFalse();
        assertThat(DatabaseUnavailableException.isCause(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailableException.isCause(null)).isFalse();
    }

    @Test
    void a_service_method_that_cannot_reach_the_database_says_so_plainly_and_other_exceptions_pass_unchanged() {
        var pointcut = ((org.springframework.aop.PointcutAdvisor) DatabaseOutageTranslation.advisor()).getPointcut();
        assertThat(pointcut.getClassFilter().matches(SomeService.class)).isTrue();
        assertThat(pointcut.getClassFilter().matches(SomeComponent.class)).isFalse();
        var translation = new DatabaseOutageTranslation();

        assertThatThrownBy(() -> translation.invoke(throwing(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("timed out", "08001")))))
                .isInstanceOf(DatabaseUnavailableException.class)
                .isInstanceOf(DomainException.class)
                .hasMessage("Noticeboard cannot reach its database just now, so nothing was saved. Please wait a minute, then try again.")
                .hasCauseInstanceOf(CannotCreateTransactionException.class)
                .satisfies(e -> assertThat(((DomainException) e).reason()).isEqualTo("database_unavailable"));
        var conflict = ConflictException.changedMeanwhile("This post");
        assertThatThrownBy(() -> translation.invoke(throwing(conflict))).isSameAs(conflict);
    }

    @org.springframework.stereotype.Service
    static class SomeService {}

    @org.springframework.stereotype.Component
    static class SomeComponent {}

    static MethodInvocation throwing(RuntimeException e) {
        return (MethodInvocation) java.lang.reflect.Proxy.newProxyInstance(MethodInvocation.class.getClassLoader(),
                new Class<?>[] {MethodInvocation.class}, (proxy, method, args) -> {
                    if (method.getName().equals("proceed")) {
                        throw e;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
