package org.noticeboard.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hash of an event over its length-prefixed fields, so that no two different events hash the same
 * bytes: HMAC-SHA256 under a key kept outside the database ({@link #KEYED}, with the key id among the
 * hashed fields), or plain SHA-256 for the events written before keys were introduced ({@link #LEGACY}).
 */
final class AuditHashing {

    static final String GENESIS = "0".repeat(64);
    /** Events written before issue 20: anyone who can write to the database can recompute these. */
    static final String LEGACY = "sha256";
    static final String KEYED = "hmac-sha256";

    private AuditHashing() {}

    static @Nullable String digest(@Nullable String state) {
        return state == null ? null : sha256(state);
    }

    /** The legacy (unkeyed) hash. */
    static String chainHash(String prevHash, long organisationId, long seq, Instant occurredAt,
            @Nullable Long actorMemberId, String actorName, String action, String subjectType, String subjectId,
            String summary, @Nullable String beforeState, @Nullable String afterState) {
        return sha256(fields(new StringBuilder(), prevHash, organisationId, seq, micros(occurredAt), actorMemberId,
                actorName, action, subjectType, subjectId, summary, beforeState, afterState).toString());
    }

    /**
     * The keyed hash: HMAC-SHA256 under key {@code keyId} of the same fields followed by the algorithm and
     * the key id (so that neither can be swapped); empty when that key is not configured here.
     */
    static java.util.Optional<String> keyedHash(AuditKeys keys, String keyId, String prevHash, long organisationId,
            long seq, Instant occurredAt, @Nullable Long actorMemberId, String actorName, String action,
            String subjectType, String subjectId, String summary, @Nullable String beforeState,
            @Nullable String afterState) {
        var text = fields(new StringBuilder(), prevHash, organisationId, seq, micros(occurredAt), actorMemberId,
                actorName, action, subjectType, subjectId, summary, beforeState, afterState);
        return keys.mac(keyId, fields(text, KEYED, keyId).toString());
    }

    private static StringBuilder fields(StringBuilder text, @Nullable Object... fields) {
        for (Object field : fields) {
            if (field == null) {
                text.append("-1:");
            } else {
                String value = field.toString();
                text.append(value.length()).append(':').append(value);
            }
            text.append('|');
        }
        return text;
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
