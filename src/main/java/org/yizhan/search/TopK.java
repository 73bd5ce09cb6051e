package org.yizhan.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The first {@code k} of a collection in an order, without sorting the rest: what a full sort's first k would be. */
final class TopK {

    private TopK() {
    }

    /**
     * The {@code k} first items by {@code order}, in that order. For a total order (no two items equal) the
     * result is exactly the first {@code k} of the sorted collection.
     */
    static <T> List<T> of(Collection<T> items, int k, Comparator<? super T> order) {
        if (k <= 0 || items.isEmpty()) {
            return List.of();
        }
        if (items.size() <= k) {
            List<T> all = new ArrayList<>(items);
            all.sort(order);
            return all;
        }
        // the worst of the k best so far on top, to be pushed out by a better one
        PriorityQueue<T> kept = new PriorityQueue<>(k + 1, order.reversed());
        for (T t : items) {
            if (kept.size() < k) {
                kept.add(t);
            } else if (order.compare(t, kept.peek()) < 0) {
                kept.poll();
                kept.add(t);
            }
        }
        List<T> out = new ArrayList<>(kept);
        out.sort(order);
        return out;
    }
}
