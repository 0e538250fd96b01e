package org.noticeboard.x.sandbox;

/** The sandbox tests' image maker, for tests in other packages. */
public final class TestImagesAccess {

    private TestImagesAccess() {}

    public static byte[] png(int width, int height) {
        return TestImages.png(width, height);
    }
}
