package org.noticeboard.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A signed statement of an organisation's chain head: "event #seq of organisation N has hash H", at a
 * time, signed with HMAC-SHA256 under an audit key. Exported to a file outside the database and
 * e-mailed to the organisation's auditors; verification then holds the chain against it, so a chain
 * rewritten (even with the key) or cut short after the checkpoint no longer matches it.
 */
public record AuditCheckpoint(long organisationId, long seq, String headHash, Instant createdAt, String keyId,
        String signature) {

    static final String FORMAT = "noticeboard-audit-checkpoint/1";

    /** A new checkpoint, signed with the current key. */
    static AuditCheckpoint sign(AuditKeys keys, long organisationId, long seq, String headHash, Instant createdAt) {
        String keyId = keys.currentKeyId();
        return new AuditCheckpoint(organisationId, seq, headHash, createdAt, keyId,
                keys.mac(keyId, signed(organisationId, seq, headHash, createdAt, keyId)).orElseThrow());
    }

    /** Whether the signature is right under the key it names; empty when that key is not configured here. */
    Optional<Boolean> verify(AuditKeys keys) {
        return keys.mac(keyId, signed(organisationId, seq, headHash, createdAt, keyId))
                .map(expected -> java.security.MessageDigest.isEqual(
                        expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    private static String signed(long organisationId, long seq, String headHash, Instant createdAt, String keyId) {
        return FORMAT + "|" + organisationId + "|" + seq + "|" + headHash + "|" + createdAt + "|" + keyId;
    }

    /** The file's text: one "name: value" a line; {@code organisationName} is for people and not signed. */
    String text(String organisationName) {
        return "format: " + FORMAT + "\n"
                + "organisation: " + organisationId + "\n"
                + "organisation-name: " + organisationName.replaceAll("[\\r\\n]", " ") + "\n"
                + "seq: " + seq + "\n"
                + "head-hash: " + headHash + "\n"
                + "created-at: " + createdAt + "\n"
                + "key-id: " + keyId + "\n"
                + "signature: " + signature + "\n";
    }

    /** Reads a checkpoint file's text; empty if it is not one. */
    static Optional<AuditCheckpoint> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        if (!FORMAT.equals(fields.get("format"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AuditCheckpoint(Long.parseLong(fields.get("organisation")),
                    Long.parseLong(fields.get("seq")), java.util.Objects.requireNonNull(fields.get("head-hash")),
                    Instant.parse(fields.get("created-at")), java.util.Objects.requireNonNull(fields.get("key-id")),
                    java.util.Objects.requireNonNull(fields.get("signature"))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
