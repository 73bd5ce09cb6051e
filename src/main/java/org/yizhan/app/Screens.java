package org.yizhan.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicReference;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.config.UiLanguage;
import org.yizhan.language.CatalogLanguage;
import org.yizhan.search.SearchIndex;
import org.yizhan.model.Service;
import org.yizhan.ui.ClockText;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Navigator;
import org.yizhan.ui.Screen;
import org.yizhan.ui.Rasters;
import org.yizhan.ui.ScreenFactory;
import org.yizhan.ui.TaskExecutor;
import org.yizhan.ui.browse.BrowseView;
import org.yizhan.ui.browse.BrowseViewModel;
import org.yizhan.ui.guide.ChecklistLayout;
import org.yizhan.ui.guide.GuideView;
import org.yizhan.ui.guide.GuideViewModel;
import org.yizhan.ui.home.HomeView;
import org.yizhan.ui.home.HomeViewModel;
import org.yizhan.ui.queue.QueueView;
import org.yizhan.ui.queue.QueueViewModel;
import org.yizhan.ui.queue.TicketLayout;
import org.yizhan.ui.rating.RatingView;
import org.yizhan.ui.rating.RatingViewModel;
import org.yizhan.ui.search.SearchView;
import org.yizhan.ui.status.StatusView;
import org.yizhan.ui.technician.Maintenance;
import org.yizhan.ui.technician.PinDelay;
import org.yizhan.ui.technician.TechnicianView;
import org.yizhan.ui.technician.TechnicianViewModel;
import org.yizhan.ui.technician.TestTicketLayout;
import org.yizhan.ui.status.StatusViewModel;
import org.yizhan.ui.search.SearchViewModel;
import org.yizhan.ui.services.ServiceListView;
import org.yizhan.ui.services.ServiceListViewModel;

/** Builds each screen with a fresh ViewModel over the catalog in force; the one place screens are wired. */
final class Screens implements ScreenFactory {

    private final Messages messages;
    private final String hallName;
    private final String kioskId;
    private final Clock clock;
    private final AtomicReference<CatalogSnapshot> catalog;
    private final AtomicReference<SearchIndex> search;
    private final PopularServices popular = new PopularServices();
    private final TaskExecutor tasks;
    private final Supplier<QueueViewModel.Setup> queues;
    private final Supplier<StatusViewModel.Setup> cases;
    private final Supplier<RatingViewModel.Setup> ratings;
    private final Maintenance maintenance;
    /** One for the kiosk's life: leaving the panel does not forget the wrong PINs. */
    private final PinDelay pinDelay = new PinDelay();

    Screens(Messages messages, String hallName, String kioskId, Clock clock, AtomicReference<CatalogSnapshot> catalog,
            AtomicReference<SearchIndex> search, TaskExecutor tasks, Supplier<QueueViewModel.Setup> queues,
            Supplier<StatusViewModel.Setup> cases, Supplier<RatingViewModel.Setup> ratings, Maintenance maintenance) {
        this.messages = messages;
        this.maintenance = maintenance;
        this.tasks = tasks;
        this.queues = queues;
        this.cases = cases;
        this.ratings = ratings;
        this.search = search;
        this.hallName = hallName;
        this.kioskId = kioskId;
        this.clock = clock;
        this.catalog = catalog;
    }

    /** The catalog in force in each language, kept while it is in force so each service is put into it only once. */
    private CatalogSnapshot localFor;
    private final java.util.Map<UiLanguage, CatalogSnapshot> local = new java.util.EnumMap<>(UiLanguage.class);

    @Override
    public Screen create(Destination destination, Navigator navigator) {
        return create(destination, navigator, messages);
    }

    private CatalogSnapshot catalogIn(UiLanguage language) {
        CatalogSnapshot raw = catalog.get();
        if (raw != localFor) {
            localFor = raw;
            local.clear();
        }
        return local.computeIfAbsent(language, l -> CatalogLanguage.of(raw, l));
    }

    @Override
    public Screen create(Destination destination, Navigator navigator, Messages messages) {
        CatalogSnapshot c = catalogIn(messages.language());
        if (destination instanceof Destination.Home) {
            return new HomeView(new HomeViewModel(messages, c, navigator));
        } else if (destination instanceof Destination.Browse b) {
            return new BrowseView(new BrowseViewModel(messages, c, b, navigator), messages);
        } else if (destination instanceof Destination.ThemeServices || destination instanceof Destination.DepartmentServices) {
            return new ServiceListView(new ServiceListViewModel(messages, c, destination, navigator));
        } else if (destination instanceof Destination.Search s) {
            SearchIndex index = search.get();
            return new SearchView(new SearchViewModel(messages, c,
                    (q, limit) -> index == null ? List.of() : index.search(q, limit),
                    popular.top(6, c), popular::timesOpened, s, navigator), messages);
        } else if (destination instanceof Destination.Queue q) {
            Optional<Service> service = q.serviceId().isEmpty() ? Optional.empty() : c.service(q.serviceId());
            return new QueueView(new QueueViewModel(messages, queues.get(), tasks,
                    (ticket, dots) -> Rasters.of(TicketLayout.node(ticket, dots, messages)), navigator, service),
                    messages);
        } else if (destination instanceof Destination.Status) {
            return new StatusView(new StatusViewModel(messages, cases.get(), tasks, navigator, c, clock), messages);
        } else if (destination instanceof Destination.Rating r) {
            return new RatingView(new RatingViewModel(messages, ratings.get(), tasks, navigator, r, clock), messages);
        } else if (destination instanceof Destination.Guide g) {
            popular.opened(g.serviceId());
            GuideViewModel.Actions actions = new GuideViewModel.Actions(navigator, queues.get().printer(), tasks,
                    (checklist, dots) -> Rasters.of(ChecklistLayout.node(checklist, dots, messages)),
                    new ClockText(clock, messages).longDate() + " " + new ClockText(clock, messages).time());
            return new GuideView(new GuideViewModel(messages, c, g.serviceId(), Optional.of(actions)));
        } else if (destination instanceof Destination.Technician) {
            ClockText time = new ClockText(clock, messages);
            return new TechnicianView(new TechnicianViewModel(messages, maintenance, pinDelay, tasks, navigator, clock,
                    dots -> Rasters.of(TestTicketLayout.node(hallName, kioskId, time.longDate() + " " + time.time(), dots,
                            messages))), messages);
        }
        throw new IllegalArgumentException("no screen for " + destination);
    }
}
