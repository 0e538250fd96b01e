package org.noticeboard.post;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Real image files made on the fly. */
public final class TestImages {

    private TestImages() {}

    public static byte[] of(String format, int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x336699);
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] png() {
        return of("png", 40, 30);
    }

    /** A minimal extended-format WebP header (VP8X) for a canvas of the given size. */
    public static byte[] webp(int width, int height) {
        byte[] b = new byte[40];
        put(b, 0, "RIFF");
        put(b, 8, "WEBP");
        put(b, 12, "VP8X");
        b[16] = 10;
        int w = width - 1;
        int h = height - 1;
        b[24] = (byte) w;
        b[25] = (byte) (w >> 8);
        b[26] = (byte) (w >> 16);
        b[27] = (byte) h;
        b[28] = (byte) (h >> 8);
        b[29] = (byte) (h >> 16);
        return b;
    }

    private static void put(byte[] b, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            b[at + i] = (byte) text.charAt(i);
        }
    }
}
