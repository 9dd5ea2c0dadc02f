package org.jnss.pki;

import org.jnss.asn1.Formatted;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.Python;
import org.jnss.natives.Mem;
import org.jnss.natives.NssPki;
import org.jnss.nss.SecItem;

import java.util.ArrayList;
import java.util.List;

/** The CRL distribution points extension (CERT_DecodeCRLDistributionPoints): a sequence of CRLDistributionPoint. */
@Python.Type(doc = "An object representing CRL Distribution Points list")
public final class CRLDistributionPts extends Formatted {
    private final List<CRLDistributionPoint> points;

    private CRLDistributionPts(List<CRLDistributionPoint> points) {
        this.points = points;
    }

    /** ValueError when NSS cannot decode the value. */
    static CRLDistributionPts decode(byte[] value) {
        try (Scratch s = new Scratch()) {
            long dps = NssPki.CERT_DecodeCRLDistributionPoints(s.arena(), s.item(value));
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

    @Python("__len__()")
    public int length() {
        return points.size();
    }

    @Python("__getitem__(index)")
    public CRLDistributionPoint getItem(Object index) {
        return points.get(GeneralName.sequenceIndex(index, points.size(), "tuple index out of range"));
    }

    @Override
    public void lines(Lines lines, int level) {
        Lines out = new Lines();
        out.text(level, "CRL Distribution Points: [" + points.size() + " total]");
        for (int i = 0; i < points.size(); i++) {
            out.text(level + 1, "Point [" + (i + 1) + "]:");
            points.get(i).lines(out, level + 2);
        }
        lines.addAll(out);
    }
}
