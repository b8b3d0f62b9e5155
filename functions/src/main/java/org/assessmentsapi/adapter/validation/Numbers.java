package org.assessmentsapi.adapter.validation;

import java.math.BigDecimal;

/** One spelling per number, so that 50, 50.0 and 5E+1 are stored and returned alike as 50. */
public final class Numbers {

    private Numbers() {}

    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
