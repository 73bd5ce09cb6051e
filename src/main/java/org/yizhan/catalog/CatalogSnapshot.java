package org.yizhan.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
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

    /** Services kept in their language per snapshot: enough for a day of citizens, bounded for a county's catalog. */
    private static final int LOCAL_SERVICES_KEPT = 4096;

    private final Catalog catalog;
    private final Index index;
    private final LocalRecords local;
    private final Map<String, Service> localServices;
    private final Map<String, Theme> localThemes;
    private final Map<String, Department> localDepartments;

    /** The look-ups, built once per catalog and shared by its snapshots in every language. */
    private static final class Index {
        final Map<String, Service> servicesById = new LinkedHashMap<>();
        final Map<String, Theme> themesById = new LinkedHashMap<>();
        final Map<String, Department> departmentsById = new LinkedHashMap<>();
        final Map<String, List<Service>> servicesByTheme = new LinkedHashMap<>();
        final Map<String, List<Service>> servicesByDepartment = new LinkedHashMap<>();

        Index(Catalog catalog) {
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
    }

    public CatalogSnapshot(Catalog catalog) {
        this(catalog, new Index(catalog), null);
    }

    private CatalogSnapshot(Catalog catalog, Index index, CatalogText text) {
        this.catalog = catalog;
        this.index = index;
        this.local = text == null ? null : new LocalRecords(text);
        this.localServices = text == null ? null : bounded();
        this.localThemes = text == null ? null : new ConcurrentHashMap<>();
        this.localDepartments = text == null ? null : new ConcurrentHashMap<>();
    }

    private static <V> Map<String, V> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > LOCAL_SERVICES_KEPT;
            }
        });
    }

    /**
     * This catalog as a citizen reads it in another language: every record it hands out has its texts put through
     * {@code text} (the catalog's translation, or a conversion), each worked out when first asked for, not before.
     * Ids and the order stay, so a screen may keep an id from either.
     */
    public CatalogSnapshot in(CatalogText text) {
        return new CatalogSnapshot(catalog, index, text);
    }

    private Service local(Service s) {
        if (local == null || s == null) {
            return s;
        }
        Service done = localServices.get(s.id());
        if (done == null) {
            done = local.service(s);
            localServices.put(s.id(), done);
        }
        return done;
    }

    private Theme local(Theme t) {
        return local == null || t == null ? t : localThemes.computeIfAbsent(t.id(), id -> local.theme(t));
    }

    private Department local(Department d) {
        return local == null || d == null ? d : localDepartments.computeIfAbsent(d.id(), id -> local.department(d));
    }

    private List<Service> localList(List<Service> services) {
        return local == null ? services : services.stream().map(this::local).toList();
    }

    public static CatalogSnapshot empty() {
        return new CatalogSnapshot(new Catalog(0, java.time.Instant.EPOCH, "", false, "",
                List.of(), List.of(), List.of()));
    }

    /** The catalog as it was published, in simplified Chinese; screens read {@link #notice()} and the look-ups. */
    public Catalog catalog() {
        return catalog;
    }

    /** The home screen's notice strip in this snapshot's language; empty if none. */
    public String notice() {
        return local == null ? catalog.notice() : local.catalogText("notice", catalog.notice());
    }

    public long version() {
        return catalog.version();
    }

    public boolean isEmpty() {
        return catalog.services().isEmpty();
    }

    public Optional<Service> service(String id) {
        return Optional.ofNullable(local(index.servicesById.get(id)));
    }

    public Optional<Theme> theme(String id) {
        return Optional.ofNullable(local(index.themesById.get(id)));
    }

    public Optional<Department> department(String id) {
        return Optional.ofNullable(local(index.departmentsById.get(id)));
    }

    public String departmentName(String id) {
        Department d = local(index.departmentsById.get(id));
        return d == null ? "" : d.name();
    }

    public List<Service> servicesOfTheme(String themeId) {
        return localList(index.servicesByTheme.getOrDefault(themeId, List.of()));
    }

    /** The services of a department that are for the given audience. */
    public List<Service> servicesOfDepartment(String departmentId, Audience audience) {
        return localList(index.servicesByDepartment.getOrDefault(departmentId, List.of()).stream()
                .filter(s -> s.isFor(audience))
                .toList());
    }

    /** How many services {@link #servicesOfTheme} has, without putting them into this snapshot's language. */
    public int serviceCountOfTheme(String themeId) {
        return index.servicesByTheme.getOrDefault(themeId, List.of()).size();
    }

    /** How many services {@link #servicesOfDepartment} has. */
    public int serviceCountOfDepartment(String departmentId, Audience audience) {
        return (int) index.servicesByDepartment.getOrDefault(departmentId, List.of()).stream()
                .filter(s -> s.isFor(audience)).count();
    }

    /** Themes of one audience that have at least one service, in catalog order. */
    public List<Theme> themesWithServices(Audience audience) {
        return catalog.themes().stream()
                .filter(t -> t.audience() == audience && !index.servicesByTheme.getOrDefault(t.id(), List.of()).isEmpty())
                .map(this::local)
                .toList();
    }

    /** Departments with at least one service for the audience, in catalog order. */
    public List<Department> departmentsWithServices(Audience audience) {
        return catalog.departments().stream()
                .filter(d -> index.servicesByDepartment.getOrDefault(d.id(), List.of()).stream().anyMatch(s -> s.isFor(audience)))
                .map(this::local)
                .toList();
    }
}
