package org.jnss.natives;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers-only native methods rebound without JNA's conversion step
 * (PlainCalls): they are rebound, and calls through them pass and return
 * values as before (ints, longs, void, both directions).
 */
class PlainCallsTest {
    @Test
    void numbersOnlyNativesAreReboundAndStillPassTheirValues() throws Exception {
        assertTrue(PlainCalls.enabled(), "this JNA offers its registration method");
        Nspr4.PR_GetError();            // loads and binds NSPR
        Nss3.NSS_IsInitialized();       // and NSS
        PlainCalls.awaitRebinds();
        assertTrue(PlainCalls.REBOUND.get() > 100, "rebound: " + PlainCalls.REBOUND.get());

        // int arguments, void result; int result
        Nspr4.PR_SetError(-5990, 17);
        assertEquals(-5990, Nspr4.PR_GetError());
        assertEquals(17, Nspr4.PR_GetOSError());
        Nspr4.PR_SetError(0, 0);
        assertEquals(0, Nspr4.PR_GetError());
        // int argument and result, computed by NSPR
        assertEquals(Nspr4.PR_TicksPerSecond() * 3, Nspr4.PR_SecondsToInterval(3));
        // long arguments and results (NSS arena), a long and an int with a void result
        long arena = Nss3.PORT_NewArena(2048);
        assertTrue(arena != 0);
        try {
            long block = Nss3.PORT_ArenaZAlloc(arena, 64);
            assertTrue(block != 0);
            for (int i = 0; i < 64; i += 8) assertEquals(0L, Mem.getLong(block, i), "zeroed by NSS");
            Mem.setLong(block, 56, 0x1122334455667788L);
            assertEquals(0x1122334455667788L, Mem.getLong(block, 56));
        } finally {
            Nss3.PORT_FreeArena(arena, 1);
        }
    }
}
