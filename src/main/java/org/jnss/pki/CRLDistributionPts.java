package org.jnss.pki;

import org.jnss.natives.Nss3;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.Python;
import org.jnss.natives.Mem;
import org.jnss.nss.SecItem;

import java.util.ArrayList;
import java.util.List;

/**
 * The CRL distribution points extension (where the CRLs covering the
 * certificate are published), {@code nss.nss.CRLDistributionPts} in Python: a
 * sequence of {@link CRLDistributionPoint}, made with
 * {@link #create CRLDistributionPts(value)} from the extension's value and
 * decoded by NSS (CERT_DecodeCRLDistributionPoints). len() and indexing as a
 * tuple; immutable, nothing to close.
 */
public final class CRLDistributionPts extends ExtensionList<CRLDistributionPoint> {
    private CRLDistributionPts(List<CRLDistributionPoint> points) {
        super(points, "CRL Distribution Points", "Point");
    }

    /** ValueError when NSS cannot decode the value. */
    static CRLDistributionPts decode(byte[] value) {
        try (Scratch s = new Scratch()) {
            long dps = Nss3.CERT_DecodeCRLDistributionPoints(s.arena(), s.item(value));
            if (dps == 0) throw new IllegalArgumentException("Failed to parse CRL Distribution Point Extension");
            List<CRLDistributionPoint> points = new ArrayList<>();
            for (long dp : Scratch.pointerArray(Mem.getPointer(dps, 0))) points.add(CRLDistributionPoint.fromNative(dp));
            return new CRLDistributionPts(points);
        }
    }

    /**
     * Decodes a CRL distribution points extension.
     *
     * @param value the extension's DER value, e.g.
     *        {@code cert.get_extension(SEC_OID_X509_CRL_DIST_POINTS).value}
     * @return the decoded extension
     * @throws IllegalArgumentException (ValueError) "Failed to parse CRL
     *         Distribution Point Extension" when NSS cannot decode it
     * @throws org.jnss.error.NSPRError SEC_ERROR_INVALID_ARGS for a point of a
     *         kind NSS cannot copy
     */
    @Python("CRLDistributionPts(crl_dist_pt_extension)")
    public static CRLDistributionPts create(SecItem value) {
        return decode(value.toByteArray());
    }

}
