package org.jnss.natives;

/**
 * Direct-mapped functions of libnspr4. Pointers are {@code long} addresses;
 * {@code PRStatus} is 0 (PR_SUCCESS) or -1 (PR_FAILURE).
 */
public final class Nspr4 {
    static {
        NativeLibs.register(Nspr4.class, "nspr4");
        // NSPR initialises itself at the first call that needs it, and that is not safe against
        // another thread's first call at the same time (it can find NSPR marked initialised
        // before its thread-private key exists, and take other data for its thread's state: a
        // JVM crashed so, the test thread and the release thread making their first calls
        // together). Made here, once: the JVM holds any other thread at this class's
        // initialisation until it is done, and every binding loads this class first.
        PR_GetError();
    }
    private Nspr4() {}

    /** Forces loading (and so the check that the library exists). */
    public static void load() {}

    // errors
    public static native int PR_GetError();
    public static native int PR_GetOSError();
    public static native void PR_SetError(int code, int osErr);
    public static native int PR_GetErrorTextLength();
    public static native int PR_GetErrorText(byte[] text);
    /** text: textLength bytes and a terminating NUL */
    public static native void PR_SetErrorText(int textLength, byte[] text);

    // time
    public static native long PR_Now();
    public static native int PR_IntervalNow();
    public static native int PR_TicksPerSecond();
    public static native int PR_SecondsToInterval(int seconds);
    public static native int PR_MillisecondsToInterval(int milli);
    public static native int PR_MicrosecondsToInterval(int micro);
    public static native int PR_IntervalToSeconds(int ticks);
    public static native int PR_IntervalToMilliseconds(int ticks);
    public static native int PR_IntervalToMicroseconds(int ticks);

    // environment (NSS reads its environment natively)

    // sockets and I/O
    public static native long PR_OpenTCPSocket(int af);
    public static native long PR_OpenUDPSocket(int af);
    public static native long PR_ImportTCPSocket(int osfd);
    public static native int PR_NewTCPSocketPair(long[] fds);
    public static native int PR_Close(long fd);
    public static native int PR_Shutdown(long fd, int how);
    public static native int PR_Connect(long fd, long addr, int timeout);
    public static native int PR_Bind(long fd, long addr);
    public static native int PR_Listen(long fd, int backlog);
    public static native long PR_Accept(long fd, long addr, int timeout);
    public static native int PR_Recv(long fd, long buf, int amount, int flags, int timeout);
    public static native int PR_Send(long fd, long buf, int amount, int flags, int timeout);
    public static native int PR_RecvFrom(long fd, long buf, int amount, int flags, long addr, int timeout);
    public static native int PR_SendTo(long fd, byte[] buf, int amount, int flags, long addr, int timeout);
    public static native int PR_GetSockName(long fd, long addr);
    public static native int PR_GetPeerName(long fd, long addr);
    public static native int PR_GetSocketOption(long fd, long data);
    public static native int PR_SetSocketOption(long fd, long data);
    public static native int PR_Poll(long pds, int npds, int timeout);
    public static native int PR_FileDesc2NativeHandle(long fd);
    public static native int PR_GetDescType(long fd);

    // network addresses
    /** Writes the address at addr as text (a NUL-terminated C string) into buf of size bytes. */
    public static native int PR_NetAddrToString(long addr, long buf, int size);

    /** Room for an address's text (an IPv6 address with a scope is under 64 characters). */
    private static final int ADDRESS_TEXT_ROOM = 256;

    /**
     * The text PR_NetAddrToString gives for a PRNetAddr: {@code fill} writes
     * the address at the address it is given (memory of {@link Layout#NETADDR_SIZE}
     * bytes in the thread's buffer, undefined until written), and NSPR writes
     * the text after it.
     *
     * @param fill writes the PRNetAddr
     * @return the text's bytes, or null when NSPR fails (its error is the thread's)
     */
    public static byte[] netAddrText(java.util.function.LongConsumer fill) {
        try (ThreadBuffer b = ThreadBuffer.take(Layout.NETADDR_SIZE + ADDRESS_TEXT_ROOM)) {
            long addr = b.address();
            fill.accept(addr);
            long text = addr + Layout.NETADDR_SIZE;
            return PR_NetAddrToString(addr, text, ADDRESS_TEXT_ROOM) != 0 ? null : Mem.cStringBytes(text);
        }
    }
    public static native int PR_SetNetAddr(int val, short af, short port, long addr);
    public static native long PR_GetAddrInfoByName(byte[] hostname, short af, int flags);
    public static native long PR_EnumerateAddrInfo(long iterPtr, long addrInfo, short port, long result);
    public static native void PR_FreeAddrInfo(long addrInfo);
    /** The canonical name of the host looked up, a C string NSPR keeps (0 when there is none). */
    public static native long PR_GetCanonNameFromAddrInfo(long addrInfo);
    public static native int PR_GetHostByName(byte[] hostname, long buf, int bufsize, long hostentry);
    public static native int PR_GetHostByAddr(long hostaddr, long buf, int bufsize, long hostentry);
    public static native int PR_EnumerateHostEnt(int enumIndex, long hostEnt, short port, long address);
    public static native int PR_GetProtoByName(byte[] protocolname, long buffer, int bufsize, long result);
    public static native int PR_GetProtoByNumber(int protocolnumber, long buffer, int bufsize, long result);

    // time and formatted strings
    /** Address of NSPR's {@code PR_GMTParameters}, a PRTimeParamFn for {@link #PR_ExplodeTime}. */
    public static final long PR_GMT_PARAMETERS = com.sun.jna.Pointer.nativeValue(
            NativeLibs.load("nspr4").getFunction("PR_GMTParameters"));
    public static native void PR_ExplodeTime(long usecs, long params, long exploded);
    /** Formats the PRExplodedTime at tm with the C string fmt into buf (NUL-terminated); returns the length or 0. */
    public static native int PR_FormatTime(long buf, int buflen, long fmt, long tm);
    public static native void PR_smprintf_free(long mem);
}
