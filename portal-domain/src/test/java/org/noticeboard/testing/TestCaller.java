package org.noticeboard.testing;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.noticeboard.access.CurrentMember;

/** Sets which member calls the domain in a test, per thread, as the security context does in the app. */
public class TestCaller implements CurrentMember {

    private final ThreadLocal<Long> member = new ThreadLocal<>();

    @Override
    public Optional<Long> memberId() {
        return Optional.ofNullable(member.get());
    }

    public <T> T as(long memberId, Callable<T> work) {
        Long previous = member.get();
        member.set(memberId);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (previous == null) {
                member.remove();
            } else {
                member.set(previous);
            }
        }
    }

    public void run(long memberId, Runnable work) {
        as(memberId, () -> {
            work.run();
            return null;
        });
    }

    public void signOut() {
        member.remove();
    }
}
