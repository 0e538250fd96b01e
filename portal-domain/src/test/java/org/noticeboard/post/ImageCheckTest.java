package org.noticeboard.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticeboard.shared.InvalidInputException;

class ImageCheckTest {

    @ParameterizedTest
    @CsvSource({"png,image/png", "jpg,image/jpeg", "gif,image/gif"})
    void accepts_the_formats_x_accepts_by_their_content(String format, String type) {
        var inspected = ImageCheck.inspect("photo." + format, TestImages.of(format, 120, 80));
        assertThat(inspected.contentType()).isEqualTo(type);
        assertThat(inspected.width()).isEqualTo(120);
        assertThat(inspected.height()).isEqualTo(80);
    }

    @Test
    void reads_webp_dimensions_from_its_header() {
        var inspected = ImageCheck.inspect("poster.webp", TestImages.webp(1200, 675));
        assertThat(inspected.contentType()).isEqualTo("image/webp");
        assertThat(inspected.width()).isEqualTo(1200);
        assertThat(inspected.height()).isEqualTo(675);
    }

    @Test
    void refuses_other_files_whatever_their_name() {
        assertThatThrownBy(() -> ImageCheck.inspect("notes.png", "just some text".getBytes()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("images"))
                .hasMessage("\"notes.png\" is not a PNG, JPEG, GIF or WebP image, the kinds X accepts.");
        assertThatThrownBy(() -> ImageCheck.inspect("empty.png", new byte[0])).hasMessage("\"empty.png\" is empty.");
    }

    @Test
    void refuses_a_damaged_image() {
        byte[] png = TestImages.png();
        byte[] truncated = Arrays.copyOf(png, 12);
        assertThatThrownBy(() -> ImageCheck.inspect("broken.png", truncated)).hasMessageContaining("damaged or incomplete");
    }

    @Test
    void refuses_images_over_x_size_limits() {
        byte[] big = Arrays.copyOf(TestImages.png(), ImageCheck.MAX_IMAGE_BYTES + 1);
        assertThatThrownBy(() -> ImageCheck.inspect("huge.png", big)).hasMessageContaining("X accepts images up to 5 MB");
        assertThatThrownBy(() -> ImageCheck.inspect("tiny.png", TestImages.of("png", 3, 3)))
                .hasMessage("\"tiny.png\" is 3 × 3 pixels; X accepts 4 to 8192 pixels a side.");
        assertThatThrownBy(() -> ImageCheck.inspect("wide.webp", TestImages.webp(9000, 100)))
                .hasMessageContaining("9000 × 100 pixels");
    }
}
