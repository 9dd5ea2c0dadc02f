package org.jnss.pk11;

import org.jnss.natives.Nss3;
import org.jnss.nss.Nss;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PK11 password callback, driven by NSS logging in to a password-protected database. */
class PasswordCallbackTest {
    private Path dir;

    @AfterEach
    void cleanUp() throws Exception {
        Passwords.setCallback(null);
        while (Nss.nssIsInitialized()) Nss.nssShutdown();
        if (dir != null) try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private int authenticate(Object... userData) {
        long slot = Nss3.PK11_GetInternalKeySlot();
        long pin = Passwords.pinArgs(userData);
        try {
            return Nss3.PK11_Authenticate(slot, 1, pin);
        } finally {
            Passwords.releasePinArgs(pin);
            Nss3.PK11_FreeSlot(slot);
        }
    }

    @Test
    void callbackGetsSlotRetryAndUserData() throws Exception {
        dir = Files.createTempDirectory("jnss-pw");
        Path pwfile = dir.resolve("pw");
        Files.writeString(pwfile, "s3cret\n");
        Process p;
        try {
            p = new ProcessBuilder("certutil", "-N", "-d", "sql:" + dir, "-f", pwfile.toString()).inheritIO().start();
        } catch (java.io.IOException e) {
            Assumptions.abort("certutil (libnss3-tools) not installed");
            return;
        }
        assertEquals(0, p.waitFor());
        Nss.nssInitReadWrite("sql:" + dir);

        List<String> calls = new ArrayList<>();
        Passwords.setCallback((slot, retry, user) -> {
            calls.add(slot.getTokenName() + " retry=" + retry + " user=" + List.of(user));
            return retry ? null : "wrong";
        });
        assertNotEquals(0, authenticate("x", 1));
        assertEquals(List.of("NSS Certificate DB retry=false user=[x, 1]", "NSS Certificate DB retry=true user=[x, 1]"), calls);

        Passwords.setCallback((slot, retry, user) -> 42);       // not a string: reported, counts as no password
        assertNotEquals(0, authenticate());

        Passwords.setCallback((slot, retry, user) -> { throw new IllegalStateException("boom"); });
        assertNotEquals(0, authenticate());

        Passwords.setCallback((slot, retry, user) -> retry ? null : "s3cret");
        assertEquals(0, authenticate());
        assertTrue(NativeResourceCount.noSlotLeft(), "the slots handed to the callback are released");
    }

    /** Slots given to callbacks are released right after the call. */
    static final class NativeResourceCount {
        static boolean noSlotLeft() {
            return org.jnss.core.NativeResource.liveBlockingCount() == 0;
        }
    }
}
