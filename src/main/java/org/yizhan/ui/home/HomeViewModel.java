package org.yizhan.ui.home;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Navigator;

/** The attract screen: a welcome, the catalog's notice, and four ways in (the hall and the time are the top bar's). */
public final class HomeViewModel {

    /**
     * One tile; {@code destination} is null while the feature is still to come. A tile that
     * {@code needsCatalog} is refused while there is none (a hall's kiosk before its first sync); tickets and
     * status ask the hall server, not the catalog.
     */
    public record Tile(String id, String icon, String label, String hint, Destination destination,
            boolean needsCatalog) {
        public boolean comingSoon() {
            return destination == null;
        }
    }

    private final Messages messages;
    private final CatalogSnapshot catalog;
    private final Navigator navigator;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public HomeViewModel(Messages messages, CatalogSnapshot catalog, Navigator navigator) {
        this.messages = messages;
        this.catalog = catalog;
        this.navigator = navigator;
    }

    public String welcome() {
        return messages.get("home.welcome");
    }

    public String notice() {
        return catalog.notice();
    }

    public List<Tile> tiles() {
        return List.of(
                new Tile("tile-guide", "mdi2b-book-open-page-variant", messages.get("home.tile.guide"),
                        messages.get("home.tile.guide.hint"), new Destination.Browse(org.yizhan.model.Audience.PERSON),
                        true),
                new Tile("tile-search", "mdi2m-magnify", messages.get("home.tile.search"),
                        messages.get("home.tile.search.hint"), new Destination.Search(), true),
                new Tile("tile-queue", "mdi2t-ticket-confirmation-outline", messages.get("home.tile.queue"),
                        messages.get("home.tile.queue.hint"), new Destination.Queue(), false),
                new Tile("tile-status", "mdi2f-file-find-outline", messages.get("home.tile.status"),
                        messages.get("home.tile.status.hint"), new Destination.Status(), false));
    }

    public void open(Tile tile) {
        if (tile.comingSoon()) {
            message.set(messages.get("home.comingSoon.message"));
        } else if (tile.needsCatalog() && catalog.isEmpty()) {
            message.set(messages.get("home.catalogEmpty"));
        } else {
            navigator.go(tile.destination());
        }
    }

    /** 服务评价, from home: an anonymous rating, about no ticket and no case. */
    public void rate() {
        navigator.go(Destination.Rating.anonymous());
    }

    public String rateLabel() {
        return messages.get("home.rate");
    }

    public String comingSoonLabel() {
        return messages.get("home.comingSoon");
    }

    /** A one-line answer to the last tap, e.g. that a feature is coming soon. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
