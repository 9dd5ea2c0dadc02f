package org.jnss.asn1;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A validity time's text, written in Java for years 1 to 9999, against NSPR's own
 * PR_ExplodeTime and PR_FormatTime (in the C library's locale, which must be an English one
 * for the comparison to mean anything: the build's is C or C.UTF-8).
 */
class TimeTextTest {
    private static final long SECOND = 1_000_000L, DAY = 86_400L * SECOND;
    private static final long YEAR_0 = -62167219200L * SECOND, YEAR_1 = -62135596800L * SECOND, YEAR_10000 = 253402300800L * SECOND;

    private static void same(long prtime) {
        assertEquals(Asn1Fmt.nsprTime(prtime), Asn1Fmt.timeString(prtime), "PRTime " + prtime);
    }

    @Test
    void everyEdgeAndManyTimesReadAsNsprWritesThem() {
        assumeTrue(Asn1Fmt.nsprTime(0).equals("Thu Jan 01 00:00:00 1970 UTC"), "the C library's locale is not English");
        long[] edges = {0, -1, 1, SECOND - 1, -SECOND, -SECOND - 1, YEAR_0, YEAR_0 + 1, YEAR_0 - 1,
                YEAR_10000 - 1, YEAR_10000, YEAR_10000 + 1, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2,
                -2208988800L * SECOND, 951782400L * SECOND /* 2000-02-29 */, 4107542400L * SECOND /* 2100-03-01 */,
                -631152000L * SECOND /* 1950 */, 2524607999L * SECOND /* 2049-12-31T23:59:59 */};
        for (long t : edges) same(t);
        // every day of years 0-10 and 1899-1901, 1969-1971, 1999-2001, 2099-2101, 9990-9999, at odd hours
        for (long start : new long[]{YEAR_0, -2240524800L * SECOND, -63158400L * SECOND, 883612800L * SECOND,
                4039372800L * SECOND, YEAR_10000 - 3653 * DAY})
            for (long d = 0; d < 3 * 366 + 7 * 365; d++) same(start + d * DAY + (d * 3_599_999_999L) % DAY);
        Random r = new Random(7);
        for (int i = 0; i < 200_000; i++) same(YEAR_0 + Math.floorMod(r.nextLong(), YEAR_10000 - YEAR_0));
    }

    @Test
    void namesAreTheCLocales() {
        assertEquals("Sat Jan 01 00:00:00 2000 UTC", Asn1Fmt.timeString(946684800L * SECOND));
        assertEquals("Fri Dec 31 23:59:59 9999 UTC", Asn1Fmt.timeString(YEAR_10000 - SECOND));
        assertEquals("Mon Jan 01 00:00:00 1 UTC", Asn1Fmt.timeString(YEAR_1));
        assertEquals("Wed Dec 31 23:59:59 1969 UTC", Asn1Fmt.timeString(-1));
    }
}
