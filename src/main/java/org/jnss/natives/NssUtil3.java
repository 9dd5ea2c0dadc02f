package org.jnss.natives;

/** Direct-mapped functions found only in libnssutil3. */
public final class NssUtil3 {
    static { Nspr4.load(); NativeLibs.register(NssUtil3.class, "nssutil3"); }
    private NssUtil3() {}

    /** Makes PR_ErrorToName/PR_ErrorToString know the SEC_ERROR_* codes. */
    public static native int NSS_InitializePRErrorTable();
}
