package org.yizhan.ui.browse;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.model.Audience;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Navigator;

/** 个人办事 / 法人办事, by theme or by department, each entry with its number of services. */
public final class BrowseViewModel {

    /** One card: a theme or a department. */
    public record Entry(String id, String name, int count, Destination destination) {
    }

    private final Messages messages;
    private final CatalogSnapshot catalog;
    private final Navigator navigator;
    private final ObjectProperty<Audience> audience = new SimpleObjectProperty<>();
    private final BooleanProperty byDepartment = new SimpleBooleanProperty();
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();

    public BrowseViewModel(Messages messages, CatalogSnapshot catalog, Destination.Browse start, Navigator navigator) {
        this.messages = messages;
        this.catalog = catalog;
        this.navigator = navigator;
        audience.set(start.audience());
        byDepartment.set(start.byDepartment());
        refresh();
        audience.addListener((obs, was, now) -> changed());
        byDepartment.addListener((obs, was, now) -> changed());
    }

    private void changed() {
        refresh();
        navigator.replace(new Destination.Browse(audience.get(), byDepartment.get()));
    }

    private void refresh() {
        Audience a = audience.get();
        List<Entry> list = byDepartment.get()
                ? catalog.departmentsWithServices(a).stream()
                        .map(d -> new Entry(d.id(), d.name(), catalog.serviceCountOfDepartment(d.id(), a),
                                new Destination.DepartmentServices(d.id(), a)))
                        .toList()
                : catalog.themesWithServices(a).stream()
                        .map(t -> new Entry(t.id(), t.name(), catalog.serviceCountOfTheme(t.id()),
                                new Destination.ThemeServices(t.id())))
                        .toList();
        entries.setAll(list);
    }

    public void open(Entry entry) {
        navigator.go(entry.destination());
    }

    public String title() {
        return messages.get("browse.title");
    }

    public String countText(Entry entry) {
        return messages.format("browse.count", entry.count());
    }

    public String emptyText() {
        return messages.get("browse.empty");
    }

    public ObjectProperty<Audience> audienceProperty() {
        return audience;
    }

    public BooleanProperty byDepartmentProperty() {
        return byDepartment;
    }

    public ObservableList<Entry> entries() {
        return entries;
    }
}
