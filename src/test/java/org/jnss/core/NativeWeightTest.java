package org.jnss.core;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link NativeResource.Weight}: objects whose native state weighs on NSS bring
 * young collections about when many were made since the last one. Needs the
 * launcher's collector and young generation: the build runs this class in a
 * JVM of its own with them (pom.xml, surefire execution "serial-collector");
 * under another collector the tests are skipped.
 */
class NativeWeightTest {
    /** A handle that weighs while it lives (as a key does). */
    static final class Heavy extends NativeResource {
        Heavy(long address, AtomicInteger destroyed) {
            super(address, a -> destroyed.incrementAndGet(), false);
            weigh(HEAVY_WEIGHT);
        }
    }

    /** A handle that weighs as one session while it lives (as a context in use does). */
    static final class Session extends NativeResource {
        Session(long address, AtomicInteger destroyed) {
            super(address, a -> destroyed.incrementAndGet(), false);
            weigh(SESSION_WEIGHT);
        }
    }

    /** Handles of that weight that make a step. */
    private static int step(int weight) {
        return NativeResource.Weight.STEP / weight;
    }

    /** A handle that weighs, then is declared idle (as a finished context is). */
    static final class Finished extends NativeResource {
        Finished(long address, AtomicInteger destroyed) {
            super(address, a -> destroyed.incrementAndGet(), false, () -> { });
            weigh(SESSION_WEIGHT);
            idle();
        }
    }

    @BeforeEach
    void firstState() {
        assumeTrue(java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(gc -> gc.getName().equals("Copy")), "needs the serial collector (-XX:+UseSerialGC)");
        System.gc();
        NativeResource.sweep(true);
        NativeResource.resetPressure();
    }

    /**
     * Makes and drops n objects that weigh {@code weight} each, and checks what any weight
     * must give: the registry stays under three steps of them, at least one collection is
     * brought about per two steps, and most are released. Returns the most handles registered.
     */
    private static int dropMany(int n, int weight) {
        AtomicInteger destroyed = new AtomicInteger();
        int most = 0;
        for (int i = 0; i < n; i++) {
            if (weight == NativeResource.HEAVY_WEIGHT) new Heavy(1 + i, destroyed);
            else new Session(1 + i, destroyed);
            if (i % 128 == 0) most = Math.max(most, NativeResource.liveSize());
        }
        int step = step(weight);
        assertTrue(most < 3 * step, "registered handles reached " + most);
        assertTrue(NativeResource.Weight.brought >= n / (2 * step),
                "young collections brought about: " + NativeResource.Weight.brought);
        assertTrue(destroyed.get() > n * 5 / 6, "only " + destroyed.get() + " of " + n + " released");
        return most;
    }

    @Test
    void droppedObjectsThatWeighAreReleasedWithinAFewSteps() {
        // 60,000 small objects fill less than the young generation: without weight, nothing but
        // the pressure check (a full collection past 16,384 registered) would release them
        dropMany(60_000, NativeResource.HEAVY_WEIGHT);
    }

    @Test
    void lighterObjectsBringCollectionsAboutLessOften() {
        // a context in use weighs a quarter of a key: a step is four times as many of them
        int most = dropMany(120_000, NativeResource.SESSION_WEIGHT);
        assertTrue(most > step(NativeResource.HEAVY_WEIGHT), "registered handles reached only " + most);
        assertTrue(NativeResource.Weight.brought <= 120_000 / step(NativeResource.SESSION_WEIGHT) + 1,
                "young collections brought about: " + NativeResource.Weight.brought);
    }

    @Test
    void objectsTheProgramHoldsAreNotCollectedForOverAndOver() {
        // each collection that releases little doubles the step: STEP + 2 STEP + 4 STEP + ...
        // (at a fixed step: 40,000 / STEP collections)
        AtomicInteger destroyed = new AtomicInteger();
        List<Heavy> held = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) held.add(new Heavy(1 + i, destroyed));
        int doublings = 32 - Integer.numberOfLeadingZeros(40_000 / step(NativeResource.HEAVY_WEIGHT));
        assertTrue(NativeResource.Weight.brought <= doublings + 1,
                "young collections brought about: " + NativeResource.Weight.brought + " (" + doublings + " doublings)");
        assertEquals(0, destroyed.get());
        assertEquals(40_000, held.size());
    }

    /** A handle that does not weigh (as a slot or a certificate). */
    static final class Light extends NativeResource {
        Light(long address, AtomicInteger destroyed) {
            super(address, a -> destroyed.incrementAndGet(), false);
        }
    }

    private static long fullCollections() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> gc.getName().equals("MarkSweepCompact")).mapToLong(gc -> gc.getCollectionCount()).sum();
    }

    @Test
    void thePressureCheckReleasesDroppedLightObjectsWithYoungCollections() {
        // objects that do not weigh, made and dropped faster than the program allocates (a loop of
        // get_internal_key_slot()): the pressure check releases them with a young collection it
        // brings about, not a full one
        AtomicInteger destroyed = new AtomicInteger();
        long full = fullCollections();
        int most = 0;
        for (int i = 0; i < 100_000; i++) {
            new Light(1 + i, destroyed);
            if (i % 128 == 0) most = Math.max(most, NativeResource.liveSize());
        }
        assertEquals(full, fullCollections(), "full collections");
        assertTrue(NativeResource.Weight.Young.forPressure >= 2, "young collections for the pressure check: "
                + NativeResource.Weight.Young.forPressure);
        assertTrue(most < 4 * 8192, "registered handles reached " + most);
        assertTrue(destroyed.get() > 100_000 * 2 / 3, "only " + destroyed.get() + " of 100,000 released");
    }

    @Test
    void thePressureCheckStillFindsObjectsDroppedAfterTheyWerePromoted() {
        // held through full collections (old), then dropped: no young collection finds them, so the
        // pressure check requests a full one
        AtomicInteger old = new AtomicInteger();
        List<Light> held = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) held.add(new Light(1 + i, old));
        System.gc();
        System.gc();
        NativeResource.resetPressure();
        held = null;
        long full = fullCollections();
        AtomicInteger young = new AtomicInteger();
        for (int i = 0; i < 3 * 8192; i++) new Light(1 + i, young).close();
        assertTrue(fullCollections() > full, "no full collection");
        assertEquals(20_000, old.get());
    }

    /** A handle that keeps NSS from shutting down (as a context or a certificate). */
    static final class Blocking extends NativeResource {
        Blocking(long address, AtomicInteger destroyed) {
            super(address, a -> destroyed.incrementAndGet(), true);
        }
    }

    @Test
    void beforeShutdownDroppedObjectsAreFoundByAYoungCollection() {
        // the objects a program dropped just before nss_shutdown() are young: releasing them takes
        // no full collection (each ~10 ms of a program that shuts NSS down per test)
        AtomicInteger destroyed = new AtomicInteger();
        for (int i = 0; i < 100; i++) new Blocking(1 + i, destroyed);
        long full = fullCollections();
        assertEquals(0, NativeResource.releaseUnreferenced());
        assertEquals(100, destroyed.get());
        assertEquals(full, fullCollections(), "full collections");
    }

    @Test
    void beforeShutdownObjectsStillHeldAreCounted() {
        AtomicInteger destroyed = new AtomicInteger();
        List<Blocking> held = new ArrayList<>();
        for (int i = 0; i < 10; i++) held.add(new Blocking(1 + i, destroyed));
        for (int i = 0; i < 50; i++) new Blocking(100 + i, destroyed);
        assertEquals(10, NativeResource.releaseUnreferenced());
        assertEquals(50, destroyed.get());
        for (Blocking b : held) b.close();
        assertEquals(0, NativeResource.releaseUnreferenced());
        assertEquals(60, destroyed.get());
    }

    @Test
    void closedObjectsDoNotWeigh() {
        AtomicInteger destroyed = new AtomicInteger();
        for (int i = 0; i < 60_000; i++) new Heavy(1 + i, destroyed).close();
        assertEquals(0, NativeResource.Weight.brought);
        assertEquals(60_000, destroyed.get());
    }

    @Test
    void idleObjectsDoNotWeigh() {
        AtomicInteger destroyed = new AtomicInteger();
        for (int i = 0; i < 60_000; i++) new Finished(1 + i, destroyed);
        assertEquals(0, NativeResource.Weight.brought);
        assertTrue(NativeResource.Weight.count() < NativeResource.Weight.STEP);
    }

    @Test
    void piecesAreUnzeroedExactlyWhereThePackageIsExported() {
        // the build exports it to this JVM as the launcher does (pom.xml, "serial-collector")
        boolean exported = Object.class.getModule().isExported("jdk.internal.misc", NativeWeightTest.class.getModule());
        assertTrue(exported, "the test JVM should export jdk.internal.misc as the launcher does");
        assertEquals(exported, NativeResource.Weight.Young.UNZEROED != null);
    }

    @Test
    void eachWayOfFillingBringsACollectionAbout() {
        for (int round = 0; round < 3; round++) {
            java.lang.ref.WeakReference<Object> zeroed = new java.lang.ref.WeakReference<>(new Object());
            assertTrue(NativeResource.Weight.Young.fill(zeroed, false));
            assertTrue(zeroed.refersTo(null));
            if (NativeResource.Weight.Young.UNZEROED != null) {
                java.lang.ref.WeakReference<Object> unzeroed = new java.lang.ref.WeakReference<>(new Object());
                assertTrue(NativeResource.Weight.Young.fill(unzeroed, true));
                assertTrue(unzeroed.refersTo(null));
            }
        }
    }
}
