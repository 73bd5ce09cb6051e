package org.yizhan.app;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.model.Service;

/**
 * How often each guide was opened on this kiosk since it started: counts only, nothing about who.
 * Offered when a search finds nothing.
 */
final class PopularServices {

    private final Map<String, Integer> opened = new ConcurrentHashMap<>();

    void opened(String serviceId) {
        opened.merge(serviceId, 1, Integer::sum);
    }

    int timesOpened(String serviceId) {
        return opened.getOrDefault(serviceId, 0);
    }

    /** The most opened services, topped up in catalog order while the kiosk has no history yet. */
    List<String> top(int n, CatalogSnapshot catalog) {
        Stream<String> counted = opened.entrySet().stream()
                .filter(e -> catalog.service(e.getKey()).isPresent())
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
        Stream<String> rest = catalog.catalog().services().stream().map(Service::id);
        return Stream.concat(counted, rest).distinct().limit(n).toList();
    }
}
