package org.noticeboard.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/** SHA-256 over length-prefixed fields, so that no two different events hash the same bytes. */
final class AuditHashing {

    static final String GENESIS = "0".repeat(64);

    private AuditHashing() {}

    static @Nullable String digest(@Nullable String state) {
        return state == null ? null : sha256(state);
    }

    static String chainHash(String prevHash, long organisationId, long seq, Instant occurredAt,
            @Nullable Long actorMemberId, String actorName, String action, String subjectType, String subjectId,
            String summary, @Nullable String beforeState, @Nullable String afterState) {
        var text = new StringBuilder();
        for (Object field : new Object[] {prevHash, organisationId, seq, micros(occurredAt), actorMemberId, actorName,
                action, subjectType, subjectId, summary, beforeState, afterState}) {
            if (field == null) {
                text.append("-1:");
            } else {
                String value = field.toString();
                text.append(value.length()).append(':').append(value);
            }
            text.append('|');
        }
        return sha256(text.toString());
    }

    /** PostgreSQL keeps microseconds; the hash must use what the database gives back. */
    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** One digest per thread, reused: verification hashes millions of rows. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });

    private static String sha256(String text) {
        var digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
