package org.jnss.error;

/** A certificate verification failure: the error plus the usages that did verify and the verify log. */
public class CertVerifyError extends NSPRError {
    private static final long serialVersionUID = 1L;

    private final int usages;
    private final transient Object log;

    public CertVerifyError(String errorMessage, int errorCode, int usages, Object log) {
        super(errorMessage, errorCode);
        this.usages = usages;
        this.log = log;
    }

    public int getUsages() { return usages; }

    /** The verify log (a CertVerifyLog), or null. */
    public Object getLog() { return log; }

    @Override
    public String getMessage() {
        return super.getMessage() + String.format(" usages=%#x", usages);
    }
}
