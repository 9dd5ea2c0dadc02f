package org.jnss.error;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The NSPR, NSS (SEC) and SSL error catalogue with the texts python-nss 1.0.1
 * reports (NSS's own runtime texts differ for about a quarter of the codes).
 * Loaded from the resource {@code errors.tsv}: code, name, description.
 */
public final class ErrorTable {
    /**
     * One error of the catalogue.
     *
     * @param code        the error code, e.g. -8183
     * @param name        its symbolic name, e.g. {@code "SEC_ERROR_BAD_DER"}
     * @param description the text python-nss gives for it
     */
    public record Entry(int code, String name, String description) {}

    private static final Map<Integer, Entry> BY_CODE;
    private static final Map<String, Entry> BY_NAME;
    private static final List<Entry> ALL;

    static {
        Map<Integer, Entry> byCode = new HashMap<>();
        Map<String, Entry> byName = new HashMap<>();
        List<Entry> all = new ArrayList<>();
        // read whole and cut by hand: a reader and String.split cost several ms of interpreted
        // code at every start (nss.error is imported with every module)
        String text;
        try (InputStream in = ErrorTable.class.getResourceAsStream("errors.tsv")) {
            if (in == null) throw new IllegalStateException("resource org/jnss/error/errors.tsv missing");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = text.indexOf('\n') + 1;     // after the header
        while (at > 0 && at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) end = text.length();
            if (end > at) {
                int t1 = text.indexOf('\t', at);
                if (t1 < 0 || t1 >= end) throw new IllegalStateException("errors.tsv: no name in " + text.substring(at, end));
                int t2 = text.indexOf('\t', t1 + 1);
                if (t2 < 0 || t2 > end) t2 = end;     // no description
                String name = text.substring(t1 + 1, t2);
                String description = t2 == end ? "" : text.substring(t2 + 1, end);
                Entry e = new Entry(Integer.parseInt(text, at, t1, 10), name, description);
                byCode.put(e.code(), e);
                byName.put(e.name(), e);
                all.add(e);
            }
            at = end + 1;
        }
        BY_CODE = byCode;
        BY_NAME = byName;
        ALL = Collections.unmodifiableList(all);
    }

    private ErrorTable() {}

    /**
     * Finds an error by code.
     *
     * @param code the error code
     * @return its entry, or null when the code is not in the catalogue
     */
    public static Entry lookup(int code) { return BY_CODE.get(code); }

    /**
     * Finds an error by symbolic name.
     *
     * @param name the exact name, e.g. {@code "PR_END_OF_FILE_ERROR"}
     * @return its entry, or null when no error has that name
     */
    public static Entry lookup(String name) { return BY_NAME.get(name); }

    /**
     * The whole catalogue.
     *
     * @return every entry, in the order of the resource file (unmodifiable)
     */
    public static List<Entry> all() { return ALL; }

    /**
     * The description of an error code.
     *
     * @param code the error code
     * @return the description alone, or null for an unknown code
     */
    public static String description(int code) {
        Entry e = BY_CODE.get(code);
        return e == null ? null : e.description();
    }

    /**
     * As {@link #describe(int)}, preceded by the text NSPR attached to the error
     * (when any), as python-nss shows it.
     *
     * @param code      the error code
     * @param errorText the text NSPR attached to the error, or null
     * @return "TEXT (NAME) description"; for a nonzero code outside the catalogue the text alone;
     *         without text, {@link #describe(int)}
     */
    public static String describe(int code, String errorText) {
        if (errorText == null || errorText.isEmpty()) return describe(code);
        if (code != 0 && BY_CODE.get(code) == null) return errorText;
        return errorText + " " + describe(code);
    }

    /**
     * The description of an error code as python-nss shows it in messages.
     *
     * @param code the error code
     * @return "(NAME) description"; "(SUCCESS) Success" for 0; "error (N) unknown"
     *         for a code outside the catalogue
     */
    public static String describe(int code) {
        if (code == 0) return "(SUCCESS) Success";
        Entry e = BY_CODE.get(code);
        if (e == null) return "error (" + code + ") unknown";
        return "(" + e.name() + ") " + e.description();
    }
}
