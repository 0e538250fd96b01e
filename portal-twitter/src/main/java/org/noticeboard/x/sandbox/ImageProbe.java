package org.noticeboard.x.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * Recognises the image types X takes (PNG, JPEG, GIF, WebP) by their content, not by what the
 * uploader claims, and reads their dimensions from the headers.
 */
final class ImageProbe {

    record Image(String contentType, int width, int height) {}

    private ImageProbe() {}

    static @Nullable Image probe(byte[] b) {
        try {
            if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) && b.length >= 24) {
                return image("image/png", int32be(b, 16), int32be(b, 20));
            }
            if (startsWith(b, 0, 'G', 'I', 'F', '8') && b.length >= 10 && (b[4] == '7' || b[4] == '9') && b[5] == 'a') {
                return image("image/gif", uint16le(b, 6), uint16le(b, 8));
            }
            if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
                return jpeg(b);
            }
            if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P') && b.length >= 30) {
                return webp(b);
            }
            return null;
        } catch (ArrayIndexOutOfBoundsException truncated) {
            return null;
        }
    }

    private static @Nullable Image jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            int length = uint16be(b, i + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (startOfFrame) {
                return image("image/jpeg", uint16be(b, i + 7), uint16be(b, i + 5));
            }
            i += 2 + length;
        }
        return null;
    }

    private static @Nullable Image webp(byte[] b) {
        if (startsWith(b, 12, 'V', 'P', '8', 'X')) {
            return image("image/webp", 1 + uint24le(b, 24), 1 + uint24le(b, 27));
        }
        if (startsWith(b, 12, 'V', 'P', '8', 'L') && (b[20] & 0xFF) == 0x2F) {
            int bits = (b[21] & 0xFF) | (b[22] & 0xFF) << 8 | (b[23] & 0xFF) << 16 | (b[24] & 0xFF) << 24;
            return image("image/webp", 1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF));
        }
        if (startsWith(b, 12, 'V', 'P', '8', ' ') && startsWith(b, 23, 0x9D, 0x01, 0x2A)) {
            return image("image/webp", uint16le(b, 26) & 0x3FFF, uint16le(b, 28) & 0x3FFF);
        }
        return null;
    }

    private static @Nullable Image image(String type, int width, int height) {
        return width > 0 && height > 0 ? new Image(type, width, height) : null;
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static int int32be(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    private static int uint16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
    }

    private static int uint16le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static int uint24le(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16;
    }
}
