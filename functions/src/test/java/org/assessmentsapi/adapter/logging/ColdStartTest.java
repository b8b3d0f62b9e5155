package org.assessmentsapi.adapter.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColdStartTest {

    @Test
    void onlyTheFirstInvocationIsColdAndARestoreMakesTheNextOneColdAgain() {
        ColdStart coldStart = new ColdStart();
        assertTrue(coldStart.take());
        assertFalse(coldStart.take());
        assertFalse(coldStart.take());
        coldStart.reset();
        assertTrue(coldStart.take());
        assertFalse(coldStart.take());
    }
}
