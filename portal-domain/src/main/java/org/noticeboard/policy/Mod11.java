package org.noticeboard.policy;

/** The modulus-11 check digit shared by NHS and CHI numbers. */
final class Mod11 {

    private Mod11() {}

    /**
     * Whether ten digits carry a valid check digit: weights 10 down to 2 on the first nine, check
     * digit 11 minus the remainder (11 becomes 0; 10 means no valid number has these nine digits).
     */
    static boolean valid(CharSequence digits) {
        if (digits.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
