package org.yizhan.storage;

import java.util.Locale;
import java.util.regex.Pattern;

/** The PostgreSQL schemas (namespaces) the server's stores live in: one per hall, one for the county's cases. */
public final class Namespaces {
    /** The county's stores (cases: looked up from any hall). */
    public static final String COUNTY = "county";
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Namespaces() {
    }

    /** The namespace of hall {@code hallId} ({@code default} → {@code hall_default}; other characters become _). */
    public static String hall(String hallId) {
        String name = "hall_" + hallId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return check(name.length() > 63 ? name.substring(0, 63) : name);
    }

    /** {@code name}, if it can be written into SQL as it is: the SQL text is built with it. */
    static String check(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a namespace name: " + name);
        }
        return name;
    }
}
