package org.noticeboard.x.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Secrets are kept only as SHA-256 hashes; new ones come from a strong random source. */
final class Hashes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Hashes() {}

    static String sha256(String value) {
        return HexFormat.of().formatHex(digest(value));
    }

    static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Compares two hashes in time that does not depend on where they differ. */
    static boolean sameHash(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    /** A URL-safe random token of {@code bytes} random bytes. */
    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** PKCE S256: BASE64URL(SHA256(ASCII(code_verifier))), RFC 7636 4.2. */
    static String s256(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(verifier));
    }
}
