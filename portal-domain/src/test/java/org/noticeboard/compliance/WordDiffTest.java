package org.noticeboard.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.noticeboard.compliance.WordDiff.Kind;
import org.noticeboard.compliance.WordDiff.Part;

class WordDiffTest {

    /** Bytes this thread allocates while {@code work} runs (HotSpot counts them per thread). */
    static long allocatedBy(Runnable work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        work.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    /** 12,500 one-letter words: 25,000 characters, the most words a draft can hold. */
    static String draftOf(char letter) {
        return (letter + " ").repeat(12_500).strip();
    }

    @Test
    void short_texts_are_compared_word_by_word() {
        assertThat(WordDiff.between("Falls clinic on Tuesday", "Falls clinic on Tuesday 3 March"))
                .containsExactly(new Part(Kind.SAME, "Falls clinic on Tuesday"), new Part(Kind.ADDED, "3 March"));
        assertThat(WordDiff.between("Balance classes every Tuesday", "Balance classes every Wednesday from May"))
                .containsExactly(new Part(Kind.SAME, "Balance classes every"), new Part(Kind.REMOVED, "Tuesday"),
                        new Part(Kind.ADDED, "Wednesday from May"));
    }

    @Test
    void two_25000_character_drafts_rewritten_throughout_are_shown_as_replaced_whole_in_bounded_memory() {
        String before = draftOf('a');
        String after = draftOf('b');
        var parts = new Object() { List<Part> value; };

        long allocated = allocatedBy(() -> parts.value = WordDiff.between(before, after));

        assertThat(parts.value).containsExactly(new Part(Kind.REMOVED, before), new Part(Kind.ADDED, after));
        // a table of every word pair would be 12,501 squared ints: 625 MB
        assertThat(allocated).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void a_small_edit_in_a_25000_character_draft_is_still_found_word_by_word() {
        String before = draftOf('a');
        String after = before.substring(0, 12_000) + "b" + before.substring(12_001);

        var parts = WordDiff.between(before, after);

        assertThat(parts).extracting(Part::kind).containsExactly(Kind.SAME, Kind.REMOVED, Kind.ADDED, Kind.SAME);
        assertThat(parts.get(1).text()).isEqualTo("a");
        assertThat(parts.get(2).text()).isEqualTo("b");
        assertThat(WordDiff.describe(parts)).isEqualTo("removed \"a\"; added \"b\"");
    }
}
