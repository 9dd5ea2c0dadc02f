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

/** The CRL distribution points extension (CERT_DecodeCRLDistributionPoints): a sequence of CRLDistributionPoint. */
@Python.Type(doc = "An object representing CRL Distribution Points list")
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

    @Python("CRLDistributionPts(crl_dist_pt_extension)")
    public static CRLDistributionPts create(SecItem value) {
        return decode(value.toByteArray());
    }

}
