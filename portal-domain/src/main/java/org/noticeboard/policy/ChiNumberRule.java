package org.noticeboard.policy;

import java.util.List;

/**
 * Scottish CHI numbers: DDMMYY plus four digits. The tenth digit is a mod-11 check digit like the
 * NHS number's. Requiring it as well as the date matters: a random ten-digit number (an order
 * reference, say) starts with a valid date about once in 27 times, but also passes the check digit
 * only about once in 300.
 */
final class ChiNumberRule implements PolicyRule {

    static final String ID = "chi-number";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        for (TenDigitNumbers.Candidate candidate : TenDigitNumbers.find(context)) {
            if (TenDigitNumbers.startsWithDate(candidate.digits())) {
                findings.add(Findings.of(ID, severity,
                        "This looks like a Scottish CHI number ("
                                + Findings.quote(context.text(), candidate.span()) + ").",
                        candidate.span()));
            }
        }
    }
}
