package org.noticeboard.post;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.noticeboard.shared.InvalidInputException;

/**
 * Checks an image against what X accepts (PNG, JPEG, GIF, WebP; 5 MB, 15 MB for GIFs; 4 to
 * 8192 pixels a side) by its content, not its name. Dimensions come from the image's header,
 * so a huge image is refused without being decoded. WebP headers are read by hand because the
 * JDK has no WebP reader.
 */
final class ImageCheck {

    static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    static final int MAX_GIF_BYTES = 15 * 1024 * 1024;
    static final int MIN_SIDE = 4;
    static final int MAX_SIDE = 8192;

    record Inspected(String contentType, int width, int height) {}

    private ImageCheck() {}

    static Inspected inspect(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            throw invalid("\"" + fileName + "\" is empty.");
        }
        String type = typeOf(bytes);
        if (type == null) {
            throw invalid("\"" + fileName + "\" is not a PNG, JPEG, GIF or WebP image, the kinds X accepts.");
        }
        int limit = type.equals("image/gif") ? MAX_GIF_BYTES : MAX_IMAGE_BYTES;
        if (bytes.length > limit) {
            throw invalid(String.format("\"%s\" is %.1f MB; X accepts %s up to %d MB.", fileName,
                    bytes.length / (1024.0 * 1024.0), type.equals("image/gif") ? "GIFs" : "images", limit / (1024 * 1024)));
        }
        int[] size = type.equals("image/webp") ? webpSize(bytes) : headerSize(bytes);
        if (size == null) {
            throw invalid("\"" + fileName + "\" looks like " + type.substring(6).toUpperCase(java.util.Locale.ROOT)
                    + " but cannot be read: the file is damaged or incomplete.");
        }
        if (size[0] < MIN_SIDE || size[1] < MIN_SIDE || size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            throw invalid("\"" + fileName + "\" is " + size[0] + " × " + size[1] + " pixels; X accepts " + MIN_SIDE
                    + " to " + MAX_SIDE + " pixels a side.");
        }
        return new Inspected(type, size[0], size[1]);
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException("invalid_image", "images", message);
    }

    static String typeOf(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 6 && new String(b, 0, 6, StandardCharsets.US_ASCII).matches("GIF8[79]a")) {
            return "image/gif";
        }
        if (b.length >= 12 && new String(b, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                && new String(b, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return "image/webp";
        }
        return null;
    }

    private static int[] headerSize(byte[] bytes) {
        try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The WebP container's first chunk gives the canvas: VP8X (extended), VP8L (lossless) or VP8 (lossy). */
    private static int[] webpSize(byte[] b) {
        if (b.length < 30) {
            return null;
        }
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        return switch (chunk) {
            case "VP8X" -> new int[] {1 + u24(b, 24), 1 + u24(b, 27)};
            case "VP8L" -> (b[20] & 0xff) != 0x2f ? null : new int[] {
                    1 + (((b[22] & 0x3f) << 8) | (b[21] & 0xff)),
                    1 + (((b[24] & 0x0f) << 10) | ((b[23] & 0xff) << 2) | ((b[22] & 0xc0) >> 6))};
            case "VP8 " -> (b[23] & 0xff) != 0x9d || (b[24] & 0xff) != 0x01 || (b[25] & 0xff) != 0x2a ? null
                    : new int[] {u16(b, 26) & 0x3fff, u16(b, 28) & 0x3fff};
            default -> null;
        };
    }

    private static int u24(byte[] b, int at) {
        return (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8) | ((b[at + 2] & 0xff) << 16);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | ((b[at + 1] & 0xff) << 8);
    }
}
