package org.noticeboard.policy;

import java.util.List;

/**
 * NHS numbers. A valid number whose first six digits form a date is left to {@link ChiNumberRule}:
 * NHS numbers are issued from 3, 4, 6 and 7 hundred million upwards, CHI numbers from the date of
 * birth, so the two ranges never meet and each number is reported once, under the right name.
 */
final class NhsNumberRule implements PolicyRule {

    static final String ID = "nhs-number";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        for (TenDigitNumbers.Candidate candidate : TenDigitNumbers.find(context)) {
            if (!TenDigitNumbers.startsWithDate(candidate.digits())) {
                findings.add(Findings.of(ID, severity,
                        "This looks like an NHS number (" + Findings.quote(context.text(), candidate.span()) + ").",
                        candidate.span()));
            }
        }
    }
}
