package org.yizhan.ui.search;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ToIntFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.model.Service;
import org.yizhan.search.SearchHit;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Navigator;

/**
 * The search screen: what was typed, and the services that match it, best first, updated on every key.
 * The search itself is a function so that tests can run without an index, and the screen before the
 * index is ready.
 */
public final class SearchViewModel {

    static final int LIMIT = 50;

    /**
     * One result: the name with the ranges to highlight, the department, and a light note on why it
     * matched when the name does not show it (与“社保”相关 for a hit through an everyday word), empty when none.
     */
    public record Row(String serviceId, String name, List<SearchHit.Highlight> highlights, String department,
            String note) {
    }

    private final Messages messages;
    private final CatalogSnapshot catalog;
    private final BiFunction<String, Integer, List<SearchHit>> search;
    private final List<String> popular;
    private final ToIntFunction<String> timesOpened;
    private final Navigator navigator;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Row> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper nothingFound = new ReadOnlyBooleanWrapper(false);

    /** {@code start} is where the citizen left the screen, so 返回 from a guide brings their results back. */
    public SearchViewModel(Messages messages, CatalogSnapshot catalog, BiFunction<String, Integer, List<SearchHit>> search,
            List<String> popular, ToIntFunction<String> timesOpened, Destination.Search start, Navigator navigator) {
        this.messages = messages;
        this.catalog = catalog;
        this.search = search;
        this.popular = popular;
        this.timesOpened = timesOpened;
        this.navigator = navigator;
        query.set(start.query());
        query.addListener((obs, was, now) -> {
            refresh();
            navigator.replace(new Destination.Search(now));
        });
        refresh();
    }

    private void refresh() {
        String q = query.get() == null ? "" : query.get();
        if (q.isBlank()) {
            results.clear();
            status.set(messages.get("search.hint"));
            nothingFound.set(false);
            return;
        }
        // Among equally good matches, what this kiosk's citizens open more often comes first.
        List<Row> rows = search.apply(q, LIMIT).stream()
                .sorted(Comparator.comparingInt(SearchHit::score).reversed()
                        .thenComparing(Comparator.comparingInt((SearchHit h) -> timesOpened.applyAsInt(h.serviceId())).reversed()))
                .map(this::row)
                .toList();
        results.setAll(rows);
        nothingFound.set(rows.isEmpty());
        status.set(rows.isEmpty() ? messages.format("search.none", q.strip()) : messages.format("search.count", rows.size()));
    }

    /** A hit as the citizen reads it, in the screen's language; the marks stay only where the name kept its length. */
    private Row row(SearchHit h) {
        Optional<org.yizhan.model.Service> service = catalog.service(h.serviceId());
        String name = service.map(org.yizhan.model.Service::name).orElse(h.name());
        return new Row(h.serviceId(), name, name.length() == h.name().length() ? h.highlights() : List.of(),
                service.map(s -> catalog.departmentName(s.departmentId())).orElse(""), note(h.reason()));
    }

    /** What the citizen reads under a result's name about why it matched; empty when the name says it. */
    private String note(SearchHit.Reason reason) {
        if (reason.kind() == SearchHit.Kind.SYNONYM && !reason.everyday().isBlank()) {
            return messages.format("search.related", messages.chinese(reason.everyday()));
        }
        return "";
    }

    public void type(String key) {
        query.set(query.get() + key);
    }

    public void backspace() {
        String q = query.get();
        if (!q.isEmpty()) {
            query.set(q.substring(0, q.offsetByCodePoints(q.length(), -1)));
        }
    }

    public void clear() {
        query.set("");
    }

    public void open(Row row) {
        navigator.go(new Destination.Guide(row.serviceId()));
    }

    public void browse(Destination d) {
        navigator.go(d);
    }

    /** Services most often opened from this kiosk, for the no-result state. */
    public List<Service> popular() {
        return popular.stream().map(catalog::service).flatMap(java.util.Optional::stream).limit(6).toList();
    }

    public void openService(Service s) {
        navigator.go(new Destination.Guide(s.id()));
    }

    public String text(String key) {
        return messages.get(key);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Row> results() {
        return results;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty nothingFoundProperty() {
        return nothingFound.getReadOnlyProperty();
    }
}
