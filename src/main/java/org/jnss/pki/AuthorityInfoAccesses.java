package org.jnss.pki;

import org.jnss.asn1.Formatted;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.ArgumentError;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.NssPki;

import java.util.ArrayList;
import java.util.List;

/** The authority information access extension (CERT_DecodeAuthInfoAccessExtension): a sequence of AuthorityInfoAccess. */
@Python.Type(doc = "AuthorityInfoAccesses(data)\n\n:Parameters:\n    data : SecItem or str or any buffer compatible object\n"
        + "        Data to initialize the Authority Information Access\n        from, must be in DER format\n\n"
        + "An object representing AuthorityInfoAccess Extension.\n")
public final class AuthorityInfoAccesses extends Formatted {
    private final List<AuthorityInfoAccess> accesses;

    private AuthorityInfoAccesses(List<AuthorityInfoAccess> accesses) {
        this.accesses = accesses;
    }

    static AuthorityInfoAccesses decode(byte[] value) {
        try (Scratch s = new Scratch()) {
            long aias = NssPki.CERT_DecodeAuthInfoAccessExtension(s.arena(), s.item(value));
            if (aias == 0) throw NSPRError.last("cannot decode Authority Access Info extension");
            List<AuthorityInfoAccess> out = new ArrayList<>();
            for (long aia : Scratch.pointerArray(aias)) {
                long location = Mem.getPointer(aia, Layout.AIA_LOCATION);
                if (location == 0) throw new NSPRError(null, ErrorConstants.SEC_ERROR_INVALID_ARGS);
                out.add(new AuthorityInfoAccess(Scratch.itemBytes(aia + Layout.AIA_METHOD),
                        new GeneralName(PkiFmt.generalName(location))));
            }
            return new AuthorityInfoAccesses(out);
        }
    }

    /** data: a SecItem or any buffer (str, bytearray, ...). */
    @Python("AuthorityInfoAccesses(auth_info_accesses)")
    public static AuthorityInfoAccesses create(@Python.OrNone byte[] data) {
        if (data == null) throw new ArgumentError("must be SecItem or buffer object");
        return decode(data);
    }

    @Python("__len__()")
    public int length() {
        return accesses.size();
    }

    @Python("__getitem__(index)")
    public AuthorityInfoAccess getItem(Object index) {
        return accesses.get(GeneralName.sequenceIndex(index, accesses.size(), "tuple index out of range"));
    }

    @Override
    public void lines(Lines lines, int level) {
        Lines out = new Lines();
        out.text(level, "Authority Information Access: [" + accesses.size() + " total]");
        for (int i = 0; i < accesses.size(); i++) {
            out.text(level + 1, "Info [" + (i + 1) + "]:");
            accesses.get(i).lines(out, level + 2);
        }
        lines.addAll(out);
    }

}
