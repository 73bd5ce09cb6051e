package org.yizhan.testing;

import java.util.ArrayList;
import java.util.List;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Navigator;

/** Remembers where a ViewModel sent the citizen. */
public final class RecordingNavigator implements Navigator {

    public final List<Destination> visited = new ArrayList<>();
    public Destination replaced;
    public int backs;
    public int homes;

    @Override
    public void go(Destination destination) {
        visited.add(destination);
    }

    @Override
    public void back() {
        backs++;
    }

    @Override
    public void replace(Destination destination) {
        replaced = destination;
    }

    @Override
    public void home() {
        homes++;
    }

    public Destination last() {
        return visited.get(visited.size() - 1);
    }
}
