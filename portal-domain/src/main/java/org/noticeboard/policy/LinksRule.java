package org.noticeboard.policy;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Links as X recognises them: not https, a shortener that hides where the link goes, a denied
 * domain, or (when the organisation keeps an allow list) a domain not on it. Subdomains count as
 * their domain. One finding per link, naming every problem it has.
 */
final class LinksRule implements PolicyRule {

    static final String ID = "links";

    static final Set<String> SHORTENERS = Set.of(
            "bit.ly", "bitly.com", "tinyurl.com", "t.co", "ow.ly", "goo.gl", "buff.ly", "is.gd", "v.gd",
            "rebrand.ly", "tiny.cc", "cutt.ly", "shorturl.at", "t.ly", "bl.ink", "rb.gy", "s.id", "lnkd.in",
            "dlvr.it", "trib.al", "shorte.st", "adf.ly", "tiny.one", "soo.gd", "clck.ru", "qr.ae", "x.co",
            "su.pr", "po.st", "mcaf.ee", "db.tt", "ift.tt", "wp.me", "fb.me", "1url.com", "shorturl.com",
            "short.io", "short.gy", "bitly.is", "linktr.ee", "tr.im", "snip.ly", "hyperurl.co", "urlzs.com");

    private final List<String> allowed;
    private final List<String> denied;

    LinksRule(List<String> allowedDomains, List<String> deniedDomains) {
        this.allowed = domains(allowedDomains, "allowedLinkDomains");
        this.denied = domains(deniedDomains, "deniedLinkDomains");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        for (TextEntity url : context.urls()) {
            String value = url.value();
            String lower = value.toLowerCase(Locale.ROOT);
            String host = host(lower);
            List<String> problems = new ArrayList<>(2);
            if (lower.startsWith("http://")) {
                problems.add("it starts with http://, not https://");
            } else if (!lower.startsWith("https://")) {
                problems.add("it has no https://, so X will link it without encryption");
            }
            String shortener = matching(host, SHORTENERS);
            if (shortener != null) {
                problems.add(shortener + " is a link shortener that hides where the link goes");
            }
            String deniedDomain = matching(host, denied);
            if (deniedDomain != null) {
                problems.add(deniedDomain + " is on the organisation's list of domains not to link to");
            } else if (!allowed.isEmpty() && matching(host, allowed) == null) {
                problems.add(host + " is not on the organisation's list of domains to link to");
            }
            if (!problems.isEmpty()) {
                findings.add(Findings.of(ID, severity,
                        "Check the link " + Findings.quote(context.text(), url.span()) + ": "
                                + String.join("; ", problems) + ".",
                        url.span()));
            }
        }
    }

    /** The host of a URL as written (lower case, IDN in ASCII form). */
    static String host(String url) {
        String rest = url;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            rest = rest.substring(scheme + 3);
        }
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                end = i;
                break;
            }
        }
        String host = rest.substring(0, end);
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            host = host.substring(at + 1);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return ascii(host);
    }

    private static @Nullable String matching(String host, Iterable<String> domains) {
        for (String domain : domains) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return domain;
            }
        }
        return null;
    }

    private static List<String> domains(List<String> configured, String parameter) {
        List<String> domains = new ArrayList<>(configured.size());
        for (String entry : configured) {
            String domain = entry.strip().toLowerCase(Locale.ROOT);
            if (domain.startsWith("*.")) {
                domain = domain.substring(2);
            }
            while (domain.startsWith(".")) {
                domain = domain.substring(1);
            }
            domain = host(domain);
            if (domain.isEmpty() || domain.indexOf(' ') >= 0) {
                throw new IllegalArgumentException(parameter + " has an entry that is not a domain: \"" + entry + "\"");
            }
            domains.add(domain);
        }
        return List.copyOf(domains);
    }

    private static String ascii(String host) {
        try {
            return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return host;
        }
    }
}
