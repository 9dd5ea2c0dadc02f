package org.jnss.pki;

import org.jnss.asn1.BStr;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.ErrorTable;
import org.jnss.error.NSPRError;
import org.jnss.nss.NssConstants;

import java.util.ArrayList;
import java.util.List;

/**
 * One failure reported by NSS during a certificate verification
 * (CERTVerifyLogNode), {@code nss.nss.CertVerifyLogNode} in Python: the
 * certificate, its depth in the chain, the error and the error's detail (the
 * key usages or cert types found missing, or nothing). Found in a
 * {@link CertVerifyLog}. Copied out of the NSS log when the verification
 * ends; the certificate keeps the node's NSS reference (close it through
 * {@link #getCertificate()} to release it early).
 */
public final class CertVerifyLogNode extends FormattedValue {
    private final Certificate certificate;
    private final int error;
    private final int depth;
    private final long arg;

    CertVerifyLogNode(Certificate certificate, int error, int depth, long arg) {
        this.certificate = certificate;
        this.error = error;
        this.depth = depth;
        this.arg = arg;
    }

    /**
     * An empty node, as python-nss's CertVerifyLogNode() makes: no
     * certificate, error and depth 0.
     *
     * @return the empty node
     */
    @Python("CertVerifyLogNode()")
    public static CertVerifyLogNode create() {
        return new CertVerifyLogNode(null, 0, 0, 0);
    }

    /**
     * The certificate the problem was found with.
     *
     * @return the certificate (the same object on each access)
     * @throws NSPRError for an empty node, which has none: python-nss reports
     *         the thread's last NSPR error then
     */
    @Python("certificate")
    public Certificate getCertificate() {
        if (certificate == null) throw NSPRError.last();
        return certificate;
    }

    /**
     * The problem, as an NSPR/NSS error code (e.g. SEC_ERROR_UNTRUSTED_ISSUER);
     * {@code nss.error.get_nspr_error_string()} describes it.
     *
     * @return the error code
     */
    @Python("error")
    public int getError() { return error; }

    /**
     * The depth of the certificate in the chain.
     *
     * @return 0 for the certificate verified, 1 for its issuer, and so on
     */
    @Python("depth")
    public int getDepth() { return depth; }

    // ---- formatting ----------------------------------------------------------

    /** Subject, issuer and validity of a certificate, at level. */
    static void certificateSummary(Lines lines, int level, Certificate cert) {
        if (cert == null) throw NSPRError.last();
        lines.pair(level, "Subject", cert.getSubject().render());
        lines.pair(level, "Issuer", cert.getIssuer().render());
        lines.pair(level, "Validity", "[" + BStr.ofText(cert.getValidNotBeforeStr()) + "] - ["
                + BStr.ofText(cert.getValidNotAfterStr()) + "]");
    }

    /** The error and its detail, at level. */
    void errorLines(Lines lines, int level) {
        ErrorTable.Entry e = ErrorTable.lookup(error);
        String text = e == null ? "[error (" + error + ") unknown]" : "[" + e.name() + "] " + e.description();
        lines.pair(level, "Error", text);
        switch (error) {
            case ErrorConstants.SEC_ERROR_INADEQUATE_KEY_USAGE ->
                    lines.pair(level, "Inadequate Key Usage", pyList(PkiFlags.flags(PkiFlags.KEY_USAGE, (int) arg, NssConstants.AsEnumName)));
            case ErrorConstants.SEC_ERROR_INADEQUATE_CERT_TYPE ->
                    lines.pair(level, "Inadequate Cert Type", pyList(PkiFlags.flags(PkiFlags.CERT_TYPE, (int) arg, NssConstants.AsEnumName)));
            case ErrorConstants.SEC_ERROR_UNKNOWN_ISSUER, ErrorConstants.SEC_ERROR_UNTRUSTED_ISSUER,
                 ErrorConstants.SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE -> {
                lines.pair(level, "Issuer", getCertificate().getIssuer().render());
            }
            default -> { }
        }
    }

    /** str() of a Python 2 list of plain byte strings (flag names). */
    private static String pyList(List<Object> names) {
        List<String> quoted = new ArrayList<>(names.size());
        for (Object n : names) quoted.add("'" + (n instanceof byte[] b ? BStr.of(b) : String.valueOf(n)) + "'");
        return "[" + String.join(", ", quoted) + "]";
    }

    /**
     * The node's text: the certificate's subject, issuer and validity, the
     * depth, the error by name and description, and its detail (the missing
     * key usages or cert types, or the issuer for issuer errors).
     *
     * @param level the indentation level of the outermost lines
     * @return the lines
     * @throws NSPRError for an empty node (no certificate)
     */
    @Override
    public Lines lines(int level) {
        Lines lines = new Lines();
        lines.label(level, "Certificate");
        certificateSummary(lines, level + 1, certificate);
        lines.pair(level, "Depth", Integer.toString(depth));
        errorLines(lines, level);
        return lines;
    }
}
