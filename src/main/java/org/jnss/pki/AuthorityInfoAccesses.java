package org.jnss.pki;

import org.jnss.natives.Nss3;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.ArgumentError;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;

import java.util.ArrayList;
import java.util.List;

/**
 * The authority information access extension, {@code nss.nss.AuthorityInfoAccesses}
 * in Python: a sequence of {@link AuthorityInfoAccess} (where to find the
 * issuer's OCSP responder, its certificate, ...), made with
 * {@link #create AuthorityInfoAccesses(data)} from the extension's value and
 * decoded by NSS (CERT_DecodeAuthInfoAccessExtension). len() and indexing as a
 * tuple; immutable, nothing to close.
 */
public final class AuthorityInfoAccesses extends ExtensionList<AuthorityInfoAccess> {
    private AuthorityInfoAccesses(List<AuthorityInfoAccess> accesses) {
        super(accesses, "Authority Information Access", "Info");
    }

    static AuthorityInfoAccesses decode(byte[] value) {
        try (Scratch s = new Scratch()) {
            long aias = Nss3.CERT_DecodeAuthInfoAccessExtension(s.arena(), s.item(value));
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

    /**
     * Decodes an authority information access extension.
     *
     * @param data the extension's DER value, e.g.
     *        {@code cert.get_extension(SEC_OID_X509_AUTH_INFO_ACCESS).value}: a
     *        SecItem or any buffer (str, bytearray, ...)
     * @return the decoded extension
     * @throws ArgumentError (TypeError) when data is null (None)
     * @throws NSPRError "cannot decode Authority Access Info extension" when NSS
     *         cannot decode it (e.g. SEC_ERROR_BAD_DER)
     */
    @Python("AuthorityInfoAccesses(auth_info_accesses)")
    public static AuthorityInfoAccesses create(@Python.OrNone byte[] data) {
        if (data == null) throw new ArgumentError("must be SecItem or buffer object");
        return decode(data);
    }

}
