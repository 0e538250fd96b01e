package org.noticeboard.x.sandbox;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Small real images to upload, made on the spot. */
final class TestImages {

    private TestImages() {}

    static byte[] png(int width, int height) {
        return write("png", width, height, BufferedImage.TYPE_INT_ARGB);
    }

    static byte[] jpeg(int width, int height) {
        return write("jpg", width, height, BufferedImage.TYPE_INT_RGB);
    }

    static byte[] gif(int width, int height) {
        return write("gif", width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** A WebP file's header (RIFF, WEBP, an extended VP8X chunk): what the sandbox reads of a WebP. */
    static byte[] webp(int width, int height) {
        byte[] b = new byte[64];
        System.arraycopy("RIFF".getBytes(), 0, b, 0, 4);
        b[4] = 56;
        System.arraycopy("WEBPVP8X".getBytes(), 0, b, 8, 8);
        b[16] = 10;
        putUint24(b, 24, width - 1);
        putUint24(b, 27, height - 1);
        return b;
    }

    /** A PNG whose file is {@code size} bytes long: a valid header followed by padding. */
    static byte[] pngOfSize(int size) {
        byte[] header = png(4, 4);
        return Arrays.copyOf(header, size);
    }

    private static void putUint24(byte[] b, int offset, int value) {
        b[offset] = (byte) value;
        b[offset + 1] = (byte) (value >> 8);
        b[offset + 2] = (byte) (value >> 16);
    }

    private static byte[] write(String format, int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, 0xFF005EB8 ^ (x * 31 + y * 17));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
