package org.yizhan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The bounded top-k agrees with a full sort's first k. */
class TopKTest {

    private record Item(int score, int id) {
    }

    private static final Comparator<Item> ORDER = Comparator.comparingInt((Item i) -> -i.score()).thenComparingInt(Item::id);

    @Test
    void agreesWithAFullSortOnRandomData() {
        Random r = new Random(3);
        for (int round = 0; round < 500; round++) {
            int n = r.nextInt(200);
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(new Item(r.nextInt(8) * 50, r.nextInt(1_000_000) * 1000 + i)); // many equal scores
            }
            int k = r.nextInt(15);
            List<Item> sorted = new ArrayList<>(items);
            sorted.sort(ORDER);
            assertEquals(sorted.subList(0, Math.min(k, n)), TopK.of(items, k, ORDER), "n=" + n + " k=" + k);
        }
    }

    @Test
    void nothingAskedOrNothingThere() {
        assertEquals(List.of(), TopK.of(List.of(new Item(1, 1)), 0, ORDER));
        assertEquals(List.of(), TopK.of(List.<Item>of(), 5, ORDER));
    }
}
