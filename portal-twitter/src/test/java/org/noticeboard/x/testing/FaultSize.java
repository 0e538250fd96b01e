package org.noticeboard.x.testing;

import java.time.Duration;

/**
 * The fault and soak scenarios come in two sizes. The normal run ({@code ./mvnw verify}) uses the
 * smaller one, which exercises every failure and every assertion of the scenario within seconds;
 * {@code -Psoak} ({@code noticeboard.soak=true}) runs them at full size (longer outages, more posts,
 * X's windows nearer their real length). Each figure can also be set alone with
 * {@code -Dnoticeboard.fault.<name>=<value>} (a count, or a duration such as {@code 30s}).
 */
public final class FaultSize {

    public static final boolean SOAK = Boolean.getBoolean("noticeboard.soak");

    private FaultSize() {}

    public static int count(String name, int normal, int soak) {
        String set = System.getProperty("noticeboard.fault." + name);
        return set != null ? Integer.parseInt(set.strip()) : SOAK ? soak : normal;
    }

    public static Duration duration(String name, Duration normal, Duration soak) {
        String set = System.getProperty("noticeboard.fault." + name);
        if (set == null) {
            return SOAK ? soak : normal;
        }
        String value = set.strip().toLowerCase(java.util.Locale.ROOT);
        return value.endsWith("ms") ? Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)))
                : value.endsWith("s") ? Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)))
                : Duration.parse(set.strip());
    }
}
