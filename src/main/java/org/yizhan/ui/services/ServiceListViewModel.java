package org.yizhan.ui.services;

import java.util.List;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.model.Service;
import org.yizhan.ui.Badges;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Navigator;

/** The services of one theme or one department. */
public final class ServiceListViewModel {

    /** One row of the list. */
    public record Row(String id, String name, String department, List<Badges.Badge> badges) {
    }

    private final Messages messages;
    private final Navigator navigator;
    private final String title;
    private final List<Row> rows;

    public ServiceListViewModel(Messages messages, CatalogSnapshot catalog, Destination destination, Navigator navigator) {
        this.messages = messages;
        this.navigator = navigator;
        List<Service> services;
        if (destination instanceof Destination.ThemeServices t) {
            title = catalog.theme(t.themeId()).map(x -> x.name()).orElse("");
            services = catalog.servicesOfTheme(t.themeId());
        } else if (destination instanceof Destination.DepartmentServices d) {
            title = catalog.departmentName(d.departmentId());
            services = catalog.servicesOfDepartment(d.departmentId(), d.audience());
        } else {
            throw new IllegalArgumentException("not a list of services: " + destination);
        }
        rows = services.stream()
                .map(s -> new Row(s.id(), s.name(), catalog.departmentName(s.departmentId()), Badges.of(s, messages)))
                .toList();
    }

    public String title() {
        return title;
    }

    public String countText() {
        return messages.format("services.count", rows.size());
    }

    public String emptyText() {
        return messages.get("services.empty");
    }

    public List<Row> rows() {
        return rows;
    }

    public void open(Row row) {
        navigator.go(new Destination.Guide(row.id()));
    }
}
