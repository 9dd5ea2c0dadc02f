package org.jnss.error;

/**
 * A certificate verification failure: the error plus the usages that did verify and the verify log.
 * Certificate verification raises it ({@code Certificate.verify_now()}, {@code verify()}); Python sees it as
 * {@code nss.error.CertVerifyError}, a subclass of {@code NSPRError} with the properties
 * {@code usages} and {@code log}. The log is not serialized.
 */
public class CertVerifyError extends NSPRError {
    private static final long serialVersionUID = 1L;

    /** @serial the usages that verified, a bit mask */
    private final int usages;
    private final transient Object log;

    /**
     * A verification failure.
     *
     * @param errorMessage the detail message, or null
     * @param errorCode    the NSS error code of the failure, e.g. SEC_ERROR_UNTRUSTED_ISSUER
     * @param usages       the certificate usages that did verify, a bit mask of
     *                     {@code certificateUsage*} constants
     * @param log          the verify log (a {@code CertVerifyLog}), or null when none was kept
     */
    public CertVerifyError(String errorMessage, int errorCode, int usages, Object log) {
        super(errorMessage, errorCode);
        this.usages = usages;
        this.log = log;
    }

    /**
     * The usages that did verify (Python's {@code usages}).
     *
     * @return a bit mask of {@code certificateUsage*} constants (unsigned 32 bits)
     */
    public int getUsages() { return usages; }

    /**
     * The verify log (Python's {@code log}).
     *
     * @return a {@code CertVerifyLog}, or null
     */
    public Object getLog() { return log; }

    /**
     * The message, as python-nss's {@code str()} of the error shows it.
     *
     * @return the {@link NSPRError#getMessage()} text followed by {@code " usages=0x..."}
     */
    @Override
    public String getMessage() {
        return super.getMessage() + String.format(" usages=%#x", usages);
    }
}
