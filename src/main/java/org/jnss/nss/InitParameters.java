package org.jnss.nss;

import org.jnss.asn1.Fmt;
import org.jnss.core.ArgumentError;
import org.jnss.core.Python;
import org.jnss.natives.Mem;

import java.util.ArrayList;
import java.util.List;

/** The softoken parameters of nss_init_context (NSSInitParameters); every attribute may be assigned. */
public class InitParameters {
    private volatile boolean passwordRequired;
    private volatile int minPasswordLen;
    private volatile String manufacturerId, libraryDescription, cryptoTokenDescription, dbTokenDescription,
            fipsTokenDescription, cryptoSlotDescription, dbSlotDescription, fipsSlotDescription;

    @Python("InitParameters(password_required=False, min_password_len=0, manufacturer_id=None, library_description=None, "
            + "crypto_token_description=None, db_token_description=None, fips_token_description=None, "
            + "crypto_slot_description=None, db_slot_description=None, fips_slot_description=None)")
    public InitParameters(boolean passwordRequired, Object minPasswordLen, String manufacturerId, String libraryDescription,
                          String cryptoTokenDescription, String dbTokenDescription, String fipsTokenDescription,
                          String cryptoSlotDescription, String dbSlotDescription, String fipsSlotDescription) {
        this.passwordRequired = passwordRequired;
        setMinPasswordLen(minPasswordLen);
        this.manufacturerId = manufacturerId;
        this.libraryDescription = libraryDescription;
        this.cryptoTokenDescription = cryptoTokenDescription;
        this.dbTokenDescription = dbTokenDescription;
        this.fipsTokenDescription = fipsTokenDescription;
        this.cryptoSlotDescription = cryptoSlotDescription;
        this.dbSlotDescription = dbSlotDescription;
        this.fipsSlotDescription = fipsSlotDescription;
    }

    public InitParameters() {
        this(false, 0, null, null, null, null, null, null, null, null);
    }

    @Python("password_required") public boolean getPasswordRequired() { return passwordRequired; }
    @Python("password_required") public void setPasswordRequired(boolean v) { passwordRequired = v; }

    @Python("min_password_len") public int getMinPasswordLen() { return minPasswordLen; }

    /** An int (or bool); deleting the attribute is refused. */
    @Python("min_password_len")
    public void setMinPasswordLen(Object v) {
        if (v == null) throw new ArgumentError("Cannot delete the min_password_len attribute");
        if (v instanceof Boolean b) minPasswordLen = b ? 1 : 0;
        else if (v instanceof Integer || v instanceof Long) minPasswordLen = ((Number) v).intValue();
        else throw new ArgumentError("The min_password_len attribute value must be an integer");
    }

    // string attributes: assign a str; del sets them back to None
    @Python("manufacturer_id") public String getManufacturerId() { return manufacturerId; }
    @Python("manufacturer_id") public void setManufacturerId(String v) { manufacturerId = v; }
    @Python("library_description") public String getLibraryDescription() { return libraryDescription; }
    @Python("library_description") public void setLibraryDescription(String v) { libraryDescription = v; }
    @Python("crypto_token_description") public String getCryptoTokenDescription() { return cryptoTokenDescription; }
    @Python("crypto_token_description") public void setCryptoTokenDescription(String v) { cryptoTokenDescription = v; }
    @Python("db_token_description") public String getDbTokenDescription() { return dbTokenDescription; }
    @Python("db_token_description") public void setDbTokenDescription(String v) { dbTokenDescription = v; }
    @Python("fips_token_description") public String getFipsTokenDescription() { return fipsTokenDescription; }
    @Python("fips_token_description") public void setFipsTokenDescription(String v) { fipsTokenDescription = v; }
    @Python("crypto_slot_description") public String getCryptoSlotDescription() { return cryptoSlotDescription; }
    @Python("crypto_slot_description") public void setCryptoSlotDescription(String v) { cryptoSlotDescription = v; }
    @Python("db_slot_description") public String getDbSlotDescription() { return dbSlotDescription; }
    @Python("db_slot_description") public void setDbSlotDescription(String v) { dbSlotDescription = v; }
    @Python("fips_slot_description") public String getFipsSlotDescription() { return fipsSlotDescription; }
    @Python("fips_slot_description") public void setFipsSlotDescription(String v) { fipsSlotDescription = v; }

    private static String s(String v) { return v == null ? "None" : v; }

    @Python("__str__()")
    @Override
    public String toString() {
        return "password_required=" + (passwordRequired ? "True" : "False") + ", min_password_len=" + minPasswordLen
                + ", manufacturer_id=" + s(manufacturerId) + ", library_description=" + s(libraryDescription)
                + ", crypto_token_description=" + s(cryptoTokenDescription) + ", db_token_description=" + s(dbTokenDescription)
                + ", fips_token_description=" + s(fipsTokenDescription) + ", crypto_slot_description=" + s(cryptoSlotDescription)
                + ", db_slot_description=" + s(dbSlotDescription) + ", fips_slot_description=" + s(fipsSlotDescription);
    }

    @Python("format_lines(level=0)")
    public List<Object[]> formatLines(int level) {
        List<Object[]> l = new ArrayList<>();
        l.add(new Object[]{level, "Password Required:", passwordRequired ? "True" : "False"});
        l.add(new Object[]{level, "Minimum Password Length:", String.valueOf(minPasswordLen)});
        l.add(new Object[]{level, "Manufacturer ID:", s(manufacturerId)});
        l.add(new Object[]{level, "Library Description:", s(libraryDescription)});
        l.add(new Object[]{level, "Crypto Token Description:", s(cryptoTokenDescription)});
        l.add(new Object[]{level, "Database Token Description:", s(dbTokenDescription)});
        l.add(new Object[]{level, "FIPS Token Description:", s(fipsTokenDescription)});
        l.add(new Object[]{level, "Crypto Slot Description:", s(cryptoSlotDescription)});
        l.add(new Object[]{level, "Database Slot Description:", s(dbSlotDescription)});
        l.add(new Object[]{level, "FIPS Slot Description:", s(fipsSlotDescription)});
        return l;
    }

    @Python("format(level=0, indent_len=4)")
    public String format(int level, int indentLen) {
        return Fmt.indented(formatLines(level), indentLen);
    }

    /** A native NSSInitParameters (80 bytes) and its strings; free with {@link #freeNative}. */
    long toNative() {
        long p = Mem.calloc(80);
        Mem.setInt(p, 0, 80);
        Mem.setInt(p, 4, passwordRequired ? 1 : 0);
        Mem.setInt(p, 8, minPasswordLen);
        String[] strs = {manufacturerId, libraryDescription, cryptoTokenDescription, dbTokenDescription,
                fipsTokenDescription, cryptoSlotDescription, dbSlotDescription, fipsSlotDescription};
        for (int i = 0; i < strs.length; i++) Mem.setPointer(p, 16 + 8L * i, Mem.newCString(strs[i]));
        return p;
    }

    static void freeNative(long p) {
        if (p == 0) return;
        for (int i = 0; i < 8; i++) Mem.free(Mem.getPointer(p, 16 + 8L * i));
        Mem.free(p);
    }
}
