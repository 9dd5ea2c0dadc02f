package org.jnss.nss;

import org.jnss.core.CInts;
import org.jnss.core.Peered;

import org.jnss.asn1.BStr;
import org.jnss.asn1.Lines;
import org.jnss.core.ArgumentError;
import org.jnss.core.Python;
import org.jnss.natives.Mem;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of NSS's internal token for {@link Nss#nssInitContext} (NSS's
 * NSSInitParameters), Python's {@code nss.nss.InitParameters}: whether a
 * password is required, its minimum length, and the descriptions the internal
 * module, tokens and slots show. Made with its constructor; every attribute
 * may be assigned afterwards. A plain Java object: it holds no native memory
 * (the native structure is made for the duration of the init call).
 *
 * <p>The descriptions fill fixed-size PKCS #11 fields: 32 characters for the
 * manufacturer ID, the library description and the token labels, 64 for the
 * slot descriptions.
 */
public class InitParameters extends Peered {
    private volatile boolean passwordRequired;
    private volatile int minPasswordLen;
    private volatile String manufacturerId, libraryDescription, cryptoTokenDescription, dbTokenDescription,
            fipsTokenDescription, cryptoSlotDescription, dbSlotDescription, fipsSlotDescription;

    /**
     * Makes a set of parameters; every argument is optional in Python, and a
     * description left out (null, None in Python) means NSS's default.
     *
     * @param passwordRequired       whether the internal key token needs a password (default False)
     * @param minPasswordLen         the minimum password length, an int or bool (default 0)
     * @param manufacturerId         the manufacturer the internal module reports
     * @param libraryDescription     the description of the internal module
     * @param cryptoTokenDescription the label of the internal cryptographic token
     * @param dbTokenDescription     the label of the internal key (database) token
     * @param fipsTokenDescription   the label of the token in FIPS mode
     * @param cryptoSlotDescription  the description of the internal cryptographic slot
     * @param dbSlotDescription      the description of the internal key (database) slot
     * @param fipsSlotDescription    the description of the slot in FIPS mode
     * @throws org.jnss.core.ArgumentError when {@code minPasswordLen} is not an integer (Python's TypeError)
     */
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

    /** Parameters with NSS's defaults: no password required, every description left to NSS. */
    public InitParameters() {
        this(false, 0, null, null, null, null, null, null, null, null);
    }

    /**
     * Whether the internal key token requires a password; a read-write bool property in Python.
     *
     * @return true if a password is required
     */
    @Python("password_required") public boolean getPasswordRequired() { return passwordRequired; }

    /**
     * Sets whether the internal key token requires a password.
     *
     * @param v true to require one (in Python any value, taken by its truth)
     */
    @Python("password_required") public void setPasswordRequired(boolean v) { passwordRequired = v; }

    /**
     * The minimum length of the internal key token's password; a read-write int property in Python.
     *
     * @return the length in characters
     */
    @Python("min_password_len") public int getMinPasswordLen() { return minPasswordLen; }

    /**
     * Sets the minimum password length.
     *
     * @param v an Integer or Long (an int or long in Python), or a Boolean (1 or 0)
     * @throws org.jnss.core.ArgumentError when {@code v} is of another type, or null
     *         (deleting the attribute in Python): Python's TypeError
     */
    @Python("min_password_len")
    public void setMinPasswordLen(Object v) {
        if (v == null) throw new ArgumentError("Cannot delete the min_password_len attribute");
        if (!CInts.isInteger(v)) throw new ArgumentError("The min_password_len attribute value must be an integer");
        minPasswordLen = (int) CInts.asLong(v);
    }

    // string attributes: assign a str; del sets them back to None
    /**
     * The manufacturer ID the internal module reports (32 characters at most); a read-write str property in Python.
     *
     * @return the text, or null (None) for NSS's default
     */
    @Python("manufacturer_id") public String getManufacturerId() { return manufacturerId; }

    /**
     * Sets the manufacturer ID the internal module reports (32 characters at most).
     *
     * @param v the text, or null (None in Python; deleting the attribute does the same) for NSS's default
     */
    @Python("manufacturer_id") public void setManufacturerId(String v) { manufacturerId = v; }

    /**
     * The description of the internal module (32 characters at most); a read-write str property in Python.
     *
     * @return the text, or null (None) for NSS's default
     */
    @Python("library_description") public String getLibraryDescription() { return libraryDescription; }

    /**
     * Sets the description of the internal module (32 characters at most).
     *
     * @param v the text, or null (None in Python; deleting the attribute does the same) for NSS's default
     */
    @Python("library_description") public void setLibraryDescription(String v) { libraryDescription = v; }

    /**
     * The label of the internal cryptographic token (32 characters at most); a read-write str property in Python.
     *
     * @return the text, or null (None) for NSS's default
     */
    @Python("crypto_token_description") public String getCryptoTokenDescription() { return cryptoTokenDescription; }

    /**
     * Sets the label of the internal cryptographic token (32 characters at most).
     *
     * @param v the text, or null (None in Python; deleting the attribute does the same) for NSS's default
     */
    @Python("crypto_token_description") public void setCryptoTokenDescription(String v) { cryptoTokenDescription = v; }

    /**
     * The label of the internal key (database) token (32 characters at most); a read-write str property in Python.
     *
     * @return the text, or null (None) for NSS's default
     */
    @Python("db_token_description") public String getDbTokenDescription() { return dbTokenDescription; }

    /**
     * Sets the label of the internal key (database) token (32 characters at most).
     *
     * @param v the text, or null (None in Python; deleting the attribute does the same) for NSS's default
     */
    @Python("db_token_description") public void setDbTokenDescription(String v) { dbTokenDescription = v; }

    /**
     * The label of the internal token in FIPS mode (32 characters at most); a read-write str property in Python.
     *
     * @return the text, or null (None) for NSS's default
     */
    @Python("fips_token_description") public String getFipsTokenDescription() { return fipsTokenDescription; }

    /**
     * Sets the label of the internal token in FIPS mode (32 characters at most).
     *
     * @param v the text, or null (None in Python; deleting the attribute does the same) for NSS's default
     */
    @Python("fips_token_description") public void setFipsTokenDescription(String v) { fipsTokenDescription = v; }

    /**
     * The description of the internal cryptographic slot (64 characters at most); a read-write str property in Python.
     *
     * @return the text, or null (None) for NSS's default
     */
    @Python("crypto_slot_description") public String getCryptoSlotDescription() { return cryptoSlotDescription; }

    /**
     * Sets the description of the internal cryptographic slot (64 characters at most).
     *
     * @param v the text, or null (None in Python; deleting the attribute does the same) for NSS's default
     */
    @Python("crypto_slot_description") public void setCryptoSlotDescription(String v) { cryptoSlotDescription = v; }

    /**
     * The description of the internal key (database) slot (64 characters at most); a read-write str property in Python.
     *
     * @return the text, or null (None) for NSS's default
     */
    @Python("db_slot_description") public String getDbSlotDescription() { return dbSlotDescription; }

    /**
     * Sets the description of the internal key (database) slot (64 characters at most).
     *
     * @param v the text, or null (None in Python; deleting the attribute does the same) for NSS's default
     */
    @Python("db_slot_description") public void setDbSlotDescription(String v) { dbSlotDescription = v; }

    /**
     * The description of the internal slot in FIPS mode (64 characters at most); a read-write str property in Python.
     *
     * @return the text, or null (None) for NSS's default
     */
    @Python("fips_slot_description") public String getFipsSlotDescription() { return fipsSlotDescription; }

    /**
     * Sets the description of the internal slot in FIPS mode (64 characters at most).
     *
     * @param v the text, or null (None in Python; deleting the attribute does the same) for NSS's default
     */
    @Python("fips_slot_description") public void setFipsSlotDescription(String v) { fipsSlotDescription = v; }

    private static String s(String v) { return v == null ? "None" : v; }

    /**
     * The parameters on one line, as {@code name=value} pairs separated by
     * {@code ", "} (None for a default description); Python's {@code str()}.
     *
     * @return the text
     */
    @Python("__str__()")
    @Override
    public String toString() {
        return "password_required=" + (passwordRequired ? "True" : "False") + ", min_password_len=" + minPasswordLen
                + ", manufacturer_id=" + s(manufacturerId) + ", library_description=" + s(libraryDescription)
                + ", crypto_token_description=" + s(cryptoTokenDescription) + ", db_token_description=" + s(dbTokenDescription)
                + ", fips_token_description=" + s(fipsTokenDescription) + ", crypto_slot_description=" + s(cryptoSlotDescription)
                + ", db_slot_description=" + s(dbSlotDescription) + ", fips_slot_description=" + s(fipsSlotDescription);
    }

    /**
     * Formats the parameters as lines of a report, one "Label: value" line per
     * attribute, each with its indentation level: the form
     * {@code indented_format()} and other line formatters take.
     *
     * @param level the indentation level of the lines (default 0)
     * @return a list of {@code (level, label, value)} tuples
     */
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

    /**
     * Formats the parameters as indented text: {@link #formatLines(int)} joined
     * by {@code indented_format()}.
     *
     * @param level     the indentation level of the first line (default 0)
     * @param indentLen the number of spaces per level (default 4)
     * @return the text, lines separated by newlines (a Python str)
     */
    @Python("format(level=0, indent_len=4)")
    public String format(int level, int indentLen) {
        return BStr.text(org.jnss.asn1.Lines.indentedText(formatLines(level), indentLen));
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
