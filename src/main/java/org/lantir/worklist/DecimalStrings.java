package org.lantir.worklist;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats numbers as Decimal String (DS) values: plain notation, no trailing zeros, at most
 * 16 characters (PS3.5 §6.2, Table 6.2-1), rounding away surplus fraction digits.
 */
final class DecimalStrings {

    private static final int MAX_LENGTH = 16;

    private DecimalStrings() {
    }

    /** The DS text of a value, or null for null. */
    static String format(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        String text = v.toPlainString();
        while (text.length() > MAX_LENGTH && v.scale() > 0) {
            v = v.setScale(v.scale() - (text.length() - MAX_LENGTH), RoundingMode.HALF_UP);
            v = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
            if (v.scale() < 0) {
                v = v.setScale(0);
            }
            text = v.toPlainString();
        }
        if (text.length() > MAX_LENGTH) {
            text = v.round(new java.math.MathContext(10)).toString();
        }
        return text;
    }
}
