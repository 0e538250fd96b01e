package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressRuleTest {

    private static final PolicyParameters PUBLISHED =
            Fixture.params().emails("Enquiries@Example.NHS.uk", "press@example.nhs.uk").build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            Email jane.doe@example.com today              => jane.doe@example.com
            jane.doe@nhs.net.                             => jane.doe@nhs.net
            J.Smith+ward7@example.nhs.uk                  => J.Smith+ward7@example.nhs.uk
            (bob_1@example.co.uk)                         => bob_1@example.co.uk
            jane [at] example [dot] com                   => jane [at] example [dot] com
            jane(at)example.com                           => jane(at)example.com
            jane {at} example.org                         => jane {at} example.org
            jane＠example.com                              => jane＠example.com
            jane\u200B@example.com                        => jane\u200B@example.com
            ｊａｎｅ@ｅｘａｍｐｌｅ.ｃｏｍ                        => ｊａｎｅ@ｅｘａｍｐｌｅ.ｃｏｍ
            a@b.com and c@d.org                           => a@b.com|c@d.org
            mary-jo@sub.example.ac.uk                     => mary-jo@sub.example.ac.uk
            Write to enquiries@example.nhs.uk             =>
            Write to ENQUIRIES@EXAMPLE.NHS.UK             =>
            Press: press [at] example.nhs.uk              =>
            Thanks @JaneMP for visiting                   =>
            Meet us at example.com                        =>
            jane@localhost                                =>
            @example.com                                  =>
            Price 5@3.50                                  =>
            Meet us at the clinic                         =>
            see https://example.com/@jane                 =>
            """)
    void finds_email_addresses_except_the_published_ones(String text, @Nullable String spans) {
        assertThat(Fixture.spans("email-address", PUBLISHED, text)).isEqualTo(Fixture.expected(spans));
    }
}
