package org.jnss.pki;

import org.jnss.asn1.BStr;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.nss.NssConstants;

import java.util.ArrayList;
import java.util.List;

/**
 * One distribution point of a CRL distribution points extension (where a CRL
 * covering the certificate is published), {@code nss.nss.CRLDistributionPoint}
 * in Python, copied from NSS's decoding: its full name (general names, usually
 * a URI) or name relative to the CRL issuer (an RDN), the CRL issuer and the
 * reasons bit string. Obtained by indexing a {@link CRLDistributionPts}.
 * Immutable; nothing to close.
 */
public final class CRLDistributionPoint extends FormattedValue {
    static final int GENERAL_NAME = 1, RELATIVE_NAME = 2;

    /** Bit i names CRL reason code i (python-nss's table; bit 7 has no name). */
    private static final String[][] REASONS = {
            {"crlEntryReasonUnspecified", "Unspecified"},
            {"crlEntryReasonKeyCompromise", "Key Compromise"},
            {"crlEntryReasonCaCompromise", "CA Compromise"},
            {"crlEntryReasonAffiliationChanged", "Affiliation Changed"},
            {"crlEntryReasonSuperseded", "Superseded"},
            {"crlEntryReasonCessationOfOperation", "Cessation Of Operation"},
            {"crlEntryReasoncertificatedHold", "Certificate On Hold"},
            null,
            {"crlEntryReasonRemoveFromCRL", "Remove From CRL"},
            {"crlEntryReasonPrivilegeWithdrawn", "Privilege Withdrawn"},
            {"crlEntryReasonAaCompromise", "AA Compromise"},
    };

    /**
     * What the point holds; initialized is false for an instance made by
     * Python's constructor, which python-nss leaves empty.
     */
    private record Point(boolean initialized, int type, List<GeneralName> names, RDN rdn, GeneralName issuer,
                         PkiFmt.Bits reasons) {}

    private final Point point;

    private CRLDistributionPoint(Point point) {
        this.point = point;
    }

    /** The CRLDistributionPoint at dp (NSS fails to copy one of another type: SEC_ERROR_INVALID_ARGS). */
    static CRLDistributionPoint fromNative(long dp) {
        int type = Mem.getInt(dp, Layout.DP_TYPE);
        List<GeneralName> names = List.of();
        RDN rdn = null;
        if (type == GENERAL_NAME) names = GeneralName.wrap(PkiFmt.generalNames(Mem.getPointer(dp, Layout.DP_POINT)));
        else if (type == RELATIVE_NAME) rdn = new RDN(NameCodec.readRdn(dp + Layout.DP_POINT));
        else throw new NSPRError(null, ErrorConstants.SEC_ERROR_INVALID_ARGS);
        long issuerName = Mem.getPointer(dp, Layout.DP_CRL_ISSUER);
        GeneralName issuer = issuerName == 0 ? null : new GeneralName(PkiFmt.generalName(issuerName));
        long bitsmap = dp + Layout.DP_BITSMAP;
        long bitCount = Mem.getInt(bitsmap, Layout.ITEM_LEN) & 0xffffffffL;
        long data = Mem.getPointer(bitsmap, Layout.ITEM_DATA);
        byte[] bytes = data == 0 ? new byte[0] : Mem.read(data, 0, (int) ((bitCount + 7) >> 3));
        return new CRLDistributionPoint(new Point(true, type, names, rdn, issuer, new PkiFmt.Bits(bytes, data == 0 ? 0 : bitCount)));
    }

    /**
     * An empty distribution point, as python-nss's constructor makes one
     * (whatever its argument): no names, no issuer, no reasons, and no text.
     *
     * @param arg1 ignored (python-nss requires one argument)
     * @return the empty point
     */
    @Python("CRLDistributionPoint(arg1)")
    public static CRLDistributionPoint create(Object arg1) {
        return new CRLDistributionPoint(new Point(false, 0, List.of(), null, null, new PkiFmt.Bits(new byte[0], 0)));
    }

    /**
     * The issuer of the CRLs found at this point, when it is not the
     * certificate's issuer.
     *
     * @return its first general name, or null (None) when the point names none
     */
    @Python("issuer")
    public GeneralName getIssuer() {
        return point.issuer();
    }

    /**
     * Where the CRL is published: the general names of the point's full name,
     * e.g. {@code ('http://crl.example.com/ca.crl',)}.
     *
     * @param reprKind AsString (the names, the default), AsObject (GeneralName
     *        objects), AsTypeString ("URI"), AsTypeEnum (certURI, ...) or
     *        AsLabeledString ("URI: http://...")
     * @return the names (a tuple in Python); empty for a point named relative
     *         to the CRL issuer
     * @throws IllegalArgumentException (ValueError) for another representation
     *         kind (only checked when there is a name)
     */
    @Python("get_general_names(repr_kind=AsString)")
    public Object[] getGeneralNames(int reprKind) {
        return GeneralName.tuple(point.names(), reprKind);
    }

    /**
     * The revocation reasons the CRLs at this point cover, when the point
     * limits them, e.g. {@code ('Key Compromise', 'CA Compromise')}.
     *
     * @param reprKind AsEnumDescription (descriptions, the default), AsEnumName
     *        (crlEntryReason* names), AsEnum or AsIndex (the reason codes,
     *        which are the bit positions)
     * @return the reasons in bit order (a tuple in Python); empty when the
     *         point lists none (it covers every reason)
     * @throws IllegalArgumentException (ValueError) for another representation
     *         kind (only checked when a reason is set, as python-nss does)
     */
    @Python("get_reasons(repr_kind=AsEnumDescription)")
    public Object[] getReasons(int reprKind) {
        List<Object> out = new ArrayList<>();
        long n = Math.min(REASONS.length, point.reasons().count());
        for (int i = 0; i < n; i++) {
            if (!point.reasons().bit(i) || REASONS[i] == null) continue;
            out.add(switch (reprKind) {
                case NssConstants.AsEnum, NssConstants.AsIndex -> (Object) i;
                case NssConstants.AsEnumName -> BStr.bytes(REASONS[i][0]);
                case NssConstants.AsEnumDescription -> BStr.bytes(REASONS[i][1]);
                default -> throw new IllegalArgumentException("Unsupported representation kind (" + reprKind + ")");
            });
        }
        return out.toArray();
    }

    private List<String> reasonDescriptions() {
        List<String> out = new ArrayList<>();
        for (Object o : getReasons(NssConstants.AsEnumDescription)) out.add(BStr.of((byte[]) o));
        return out;
    }

    private List<String> nameValues() {
        List<String> out = new ArrayList<>();
        for (GeneralName g : point.names()) out.add(g.decoded().value());
        return out;
    }

    /**
     * The point's text: its general names or relative name, its issuer and
     * its reasons; nothing for an empty point.
     *
     * @param lines the lines to append to
     * @param level the indentation level
     */
    @Override
    public void lines(Lines lines, int level) {
        if (!point.initialized()) return;
        Lines out = new Lines();
        if (point.type() == GENERAL_NAME) {
            out.text(level, "General Names: [" + point.names().size() + " total]");
            for (String v : nameValues()) out.text(level + 1, v);
        } else {
            out.pair(level, "Relative Distinguished Name", point.rdn().render());
        }
        out.pair(level, "Issuer", point.issuer() == null ? "None" : point.issuer().decoded().labeled());
        out.pair(level, "Reasons", PkiFmt.tupleStr(reasonDescriptions()));
        lines.addAll(out);
    }

    /**
     * The point on one line, e.g. "General Name List: [http://crl.example.com/ca.crl],
     * Issuer: None, Reasons: []"; the default object repr for an empty point.
     *
     * @return the text ({@code str} in Python)
     */
    @Python("__repr__()")
    public String repr() {
        if (!point.initialized()) return BStr.text("<nss.nss.CRLDistributionPoint object at 0x" + Integer.toHexString(System.identityHashCode(this)) + ">");
        String desc = point.type() == GENERAL_NAME
                ? "General Name List: [" + String.join(", ", nameValues()) + "]"
                : "Relative Distinguished Name: " + point.rdn().render();
        return BStr.text(desc + ", Issuer: " + (point.issuer() == null ? "None" : point.issuer().decoded().labeled())
                + ", Reasons: [" + String.join(", ", reasonDescriptions()) + "]");
    }
}
