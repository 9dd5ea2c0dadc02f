package org.jnss.error;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
    /** One error of the catalogue. */
    public record Entry(int code, String name, String description) {}

    private static final Map<Integer, Entry> BY_CODE;
    private static final Map<String, Entry> BY_NAME;
    private static final List<Entry> ALL;

    static {
        Map<Integer, Entry> byCode = new HashMap<>();
        Map<String, Entry> byName = new HashMap<>();
        List<Entry> all = new ArrayList<>();
        try (InputStream in = ErrorTable.class.getResourceAsStream("errors.tsv")) {
            if (in == null) throw new IllegalStateException("resource org/jnss/error/errors.tsv missing");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = r.readLine(); // header
            while ((line = r.readLine()) != null) {
                if (line.isEmpty()) continue;
                String[] f = line.split("\t", 3);
                Entry e = new Entry(Integer.parseInt(f[0]), f[1], f.length > 2 ? f[2] : "");
                byCode.put(e.code(), e);
                byName.put(e.name(), e);
                all.add(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BY_CODE = byCode;
        BY_NAME = byName;
        ALL = Collections.unmodifiableList(all);
    }

    private ErrorTable() {}

    public static Entry lookup(int code) { return BY_CODE.get(code); }

    public static Entry lookup(String name) { return BY_NAME.get(name); }

    public static List<Entry> all() { return ALL; }

    /** The description alone, or null for an unknown code. */
    public static String description(int code) {
        Entry e = BY_CODE.get(code);
        return e == null ? null : e.description();
    }

    /** "(NAME) description" as python-nss shows it, or "error (N) unknown". */
    /** As {@link #describe(int)}, preceded by the text NSPR attached to the error (when any), as python-nss shows it. */
    public static String describe(int code, String errorText) {
        if (errorText == null || errorText.isEmpty()) return describe(code);
        if (code != 0 && BY_CODE.get(code) == null) return errorText;
        return errorText + " " + describe(code);
    }

    public static String describe(int code) {
        if (code == 0) return "(SUCCESS) Success";
        Entry e = BY_CODE.get(code);
        if (e == null) return "error (" + code + ") unknown";
        return "(" + e.name() + ") " + e.description();
    }
}
