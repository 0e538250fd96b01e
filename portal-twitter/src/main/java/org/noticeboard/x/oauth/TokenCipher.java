package org.noticeboard.x.oauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for OAuth tokens at rest. Each value is stored as {@code <key id>:<base64(nonce ||
 * ciphertext)>} and bound to its row and column (associated data), so a ciphertext copied to
 * another account does not decrypt. Several keys may be configured: the first encrypts, all
 * decrypt, so a key can be rotated without losing connections ({@link XAuthorizedClients#reencrypt()}).
 */
public final class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    /** {@code keys}: key id to 32-byte key, in order; the first one encrypts. */
    public TokenCipher(Map<String, byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No token encryption key is configured");
        }
        var specs = new LinkedHashMap<String, SecretKeySpec>();
        keys.forEach((id, key) -> {
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("A token key id must be 1 to 32 letters, digits, - or _: \"" + id + "\"");
            }
            if (key.length != 32) {
                throw new IllegalArgumentException("Token key \"" + id + "\" must be 32 bytes (base64 of 32 random bytes), not "
                        + key.length);
            }
            specs.put(id, new SecretKeySpec(key, "AES"));
        });
        this.keys = Map.copyOf(specs);
        this.currentKeyId = specs.keySet().iterator().next();
    }

    /**
     * Parses {@code NOTICEBOARD_X_TOKEN_KEYS}: comma-separated {@code id:base64key}, the current key
     * first. Messages name the entry, never the key.
     */
    public static TokenCipher parse(String setting) {
        var keys = new LinkedHashMap<String, byte[]>();
        for (String entry : setting.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Each token key must be written id:base64key; entry " + (keys.size() + 1)
                        + " is not");
            }
            String id = trimmed.substring(0, colon);
            try {
                keys.put(id, Base64.getDecoder().decode(trimmed.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Token key \"" + id + "\" is not valid base64");
            }
        }
        return new TokenCipher(keys);
    }

    public static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public String encrypt(String plain, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a token", e);
        }
    }

    public String decrypt(String stored, String context) {
        int colon = stored.indexOf(':');
        String keyId = colon <= 0 ? "" : stored.substring(0, colon);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("A stored token was encrypted with key \"" + keyId
                    + "\", which is no longer configured; add it back to NOTICEBOARD_X_TOKEN_KEYS (after the current key)");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored token does not decrypt with key \"" + keyId
                    + "\": it was altered, or belongs to another row", e);
        }
    }

    public boolean needsReencrypting(String stored) {
        return !stored.startsWith(currentKeyId + ":");
    }

    @Override
    public String toString() {
        return "TokenCipher[current=" + currentKeyId + ", keys=" + keys.keySet() + "]";
    }
}
