package org.jnss.natives;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The launcher's variables taken out of the C library's environment, and the user's values put back. */
class LauncherEnvTest {
    private static final NativeLibrary C = NativeLibrary.getInstance("c");

    private static String getenv(String name) {
        Pointer p = C.getFunction("getenv").invokePointer(new Object[]{Mem.utf8z(name)});
        return p == null ? null : Mem.cString(Pointer.nativeValue(p));
    }

    @Test
    void addedVariablesGoAndReplacedOnesGetTheUsersValues() {
        Function setenv = C.getFunction("setenv");
        setenv.invokeInt(new Object[]{Mem.utf8z("PYNSS_TEST_ADDED"), Mem.utf8z("2"), 1});
        setenv.invokeInt(new Object[]{Mem.utf8z("PYNSS_TEST_REPLACED"), Mem.utf8z("C.UTF-8"), 1});
        String value = "C \u00e9";
        System.setProperty(LauncherEnv.PROPERTY, "PYNSS_TEST_ADDED");
        System.setProperty(LauncherEnv.RESTORE + "PYNSS_TEST_REPLACED", value);
        try {
            assertEquals(Map.of("PYNSS_TEST_REPLACED", value), LauncherEnv.userValues());
            LauncherEnv.unsetNative();
            assertNull(getenv("PYNSS_TEST_ADDED"));
            assertEquals(value, getenv("PYNSS_TEST_REPLACED"));
        } finally {
            System.clearProperty(LauncherEnv.PROPERTY);
            System.clearProperty(LauncherEnv.RESTORE + "PYNSS_TEST_REPLACED");
            C.getFunction("unsetenv").invokeInt(new Object[]{Mem.utf8z("PYNSS_TEST_REPLACED")});
        }
    }
}
