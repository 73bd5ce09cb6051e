package org.yizhan.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One whole catalog: what a kiosk shows. Versions only go up.
 *
 * @param sample  true for demonstration data, which the kiosk marks on screen
 * @param notice  an optional notice strip for the home screen, empty if none
 * @param translations the catalog's own translations of its texts ({@link Translations#NONE} for most)
 */
public record Catalog(
        long version,
        Instant generatedAt,
        String title,
        boolean sample,
        String notice,
        List<Theme> themes,
        List<Department> departments,
        List<Service> services,
        Translations translations) {

    public Catalog(long version, Instant generatedAt, String title, boolean sample, String notice, List<Theme> themes,
            List<Department> departments, List<Service> services) {
        this(version, generatedAt, title, sample, notice, themes, departments, services, Translations.NONE);
    }

    public Catalog {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative: " + version);
        }
        Objects.requireNonNull(generatedAt, "generatedAt");
        title = title == null ? "" : title;
        notice = notice == null ? "" : notice;
        themes = List.copyOf(themes);
        departments = List.copyOf(departments);
        services = List.copyOf(services);
        translations = translations == null ? Translations.NONE : translations;
    }
}
