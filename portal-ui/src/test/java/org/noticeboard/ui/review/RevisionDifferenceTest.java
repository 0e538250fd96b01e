package org.noticeboard.ui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The review page's differences between two revisions come from the domain's capped word diff: two
 * drafts of 25,000 characters (12,500 words each) once needed a table of 12,500 squared ints
 * (625 MB, per request) and now show as replaced whole.
 */
class RevisionDifferenceTest {

    static String draftOf(String word) {
        return (word + " ").repeat(12_500).strip();
    }

    @Test
    void two_25000_character_drafts_rewritten_throughout_show_as_removed_and_added_whole_in_bounded_memory() {
        String before = draftOf("a");
        String after = draftOf("b");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long allocatedBefore = threads.getThreadAllocatedBytes(id);

        String html = ReviewPostView.differenceHtml(before, after);

        long allocated = threads.getThreadAllocatedBytes(id) - allocatedBefore;
        assertThat(allocated).isLessThan(64L * 1024 * 1024);
        assertThat(html).contains("<del style=\"background:#ffd7d5\">" + before + "</del>")
                .contains("<ins style=\"background:#ccffd8\">" + after + "</ins>");
    }

    @Test
    void short_revisions_show_each_changed_word_and_escape_the_text() {
        String html = ReviewPostView.differenceHtml("Falls clinic on <b>Tuesday</b>", "Falls clinic on <b>Tuesday</b> 3 March");

        assertThat(html).isEqualTo("<div>Falls clinic on &lt;b&gt;Tuesday&lt;/b&gt; <ins style=\"background:#ccffd8\">3 March</ins> </div>");
    }
}
