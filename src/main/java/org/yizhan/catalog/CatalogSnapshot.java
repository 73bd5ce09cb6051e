package org.yizhan.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yizhan.model.Audience;
import org.yizhan.model.Catalog;
import org.yizhan.model.Department;
import org.yizhan.model.Service;
import org.yizhan.model.Theme;

/**
 * A loaded catalog with the look-ups the screens need, built once per catalog version so that no
 * screen walks the whole list while a citizen waits. Immutable; swapped as one reference.
 */
public final class CatalogSnapshot {

    private final Catalog catalog;
    private final Map<String, Service> servicesById = new LinkedHashMap<>();
    private final Map<String, Theme> themesById = new LinkedHashMap<>();
    private final Map<String, Department> departmentsById = new LinkedHashMap<>();
    private final Map<String, List<Service>> servicesByTheme = new LinkedHashMap<>();
    private final Map<String, List<Service>> servicesByDepartment = new LinkedHashMap<>();

    public CatalogSnapshot(Catalog catalog) {
        this.catalog = catalog;
        catalog.themes().forEach(t -> themesById.put(t.id(), t));
        catalog.departments().forEach(d -> departmentsById.put(d.id(), d));
        for (Service s : catalog.services()) {
            servicesById.put(s.id(), s);
            for (String themeId : s.themeIds()) {
                servicesByTheme.computeIfAbsent(themeId, k -> new ArrayList<>()).add(s);
            }
            servicesByDepartment.computeIfAbsent(s.departmentId(), k -> new ArrayList<>()).add(s);
        }
        servicesByTheme.replaceAll((k, v) -> List.copyOf(v));
        servicesByDepartment.replaceAll((k, v) -> List.copyOf(v));
    }

    public static CatalogSnapshot empty() {
        return new CatalogSnapshot(new Catalog(0, java.time.Instant.EPOCH, "", false, "",
                List.of(), List.of(), List.of()));
    }

    public Catalog catalog() {
        return catalog;
    }

    public long version() {
        return catalog.version();
    }

    public boolean isEmpty() {
        return catalog.services().isEmpty();
    }

    public Optional<Service> service(String id) {
        return Optional.ofNullable(servicesById.get(id));
    }

    public Optional<Theme> theme(String id) {
        return Optional.ofNullable(themesById.get(id));
    }

    public Optional<Department> department(String id) {
        return Optional.ofNullable(departmentsById.get(id));
    }

    public String departmentName(String id) {
        Department d = departmentsById.get(id);
        return d == null ? "" : d.name();
    }

    public List<Service> servicesOfTheme(String themeId) {
        return servicesByTheme.getOrDefault(themeId, List.of());
    }

    /** The services of a department that are for the given audience. */
    public List<Service> servicesOfDepartment(String departmentId, Audience audience) {
        return servicesByDepartment.getOrDefault(departmentId, List.of()).stream()
                .filter(s -> s.isFor(audience))
                .toList();
    }

    /** Themes of one audience that have at least one service, in catalog order. */
    public List<Theme> themesWithServices(Audience audience) {
        return catalog.themes().stream()
                .filter(t -> t.audience() == audience && !servicesOfTheme(t.id()).isEmpty())
                .toList();
    }

    /** Departments with at least one service for the audience, in catalog order. */
    public List<Department> departmentsWithServices(Audience audience) {
        return catalog.departments().stream()
                .filter(d -> !servicesOfDepartment(d.id(), audience).isEmpty())
                .toList();
    }
}
