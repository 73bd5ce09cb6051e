package org.yizhan.ui.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.yizhan.catalog.CatalogSnapshot;
import org.yizhan.model.Audience;
import org.yizhan.model.Material;
import org.yizhan.model.Service;
import org.yizhan.model.Step;
import org.yizhan.model.TimeLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.print.MonoImage;
import org.yizhan.print.PrintFailure;
import org.yizhan.print.PrinterState;
import org.yizhan.print.TicketPrinter;
import org.yizhan.ui.Badges;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;
import org.yizhan.ui.Navigator;
import org.yizhan.ui.TaskExecutor;

/** Everything the guide screen shows for one service, as text ready to display. */
public final class GuideViewModel {

    /** A label and its value; rows with an empty value are left out. */
    public record Field(String name, String value) {
    }

    /** One row of the 申请材料 table. */
    public record MaterialRow(String name, String details, String originals, String copies,
            String necessity, String necessityStyle) {
    }

    /** One step of 办理流程. */
    public record StepRow(int number, String name, String description, String actor, String limit) {
    }

    /** The materials checklist as printed: what a citizen takes home to gather. */
    public record Checklist(String title, String serviceName, String department, List<MaterialRow> materials,
            String printedAt) {
    }

    /** Lays the checklist out at the printer's width and rasterises it; on the UI thread. */
    @FunctionalInterface
    public interface ChecklistRendering {
        MonoImage render(Checklist checklist, int dotsWide);
    }

    /**
     * What the guide's two buttons need: 取号办理 the navigator, 打印材料清单 the printer (none: the button is
     * not shown), the executor and the rendering.
     */
    public record Actions(Navigator navigator, Optional<TicketPrinter> printer, TaskExecutor tasks,
            ChecklistRendering rendering, String now) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(GuideViewModel.class);

    private final Messages messages;
    private final Service service;
    private final String departmentName;
    private final Optional<Actions> actions;
    private final BooleanProperty basisShown = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper printMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper printing = new ReadOnlyBooleanWrapper(false);
    private TaskExecutor.Cancellable printCall = () -> { };

    public GuideViewModel(Messages messages, CatalogSnapshot catalog, String serviceId) {
        this(messages, catalog, serviceId, Optional.empty());
    }

    public GuideViewModel(Messages messages, CatalogSnapshot catalog, String serviceId, Optional<Actions> actions) {
        this.messages = messages;
        this.service = catalog.service(serviceId).orElse(null);
        this.departmentName = service == null ? "" : catalog.departmentName(service.departmentId());
        this.actions = actions;
    }

    /** 取号办理: straight to this service's queue. */
    public boolean canTakeNumber() {
        return actions.isPresent();
    }

    public void takeNumber() {
        actions.ifPresent(a -> a.navigator().go(new Destination.Queue(service.id())));
    }

    /** 打印材料清单 is offered only where a printer is set up. */
    public boolean canPrintChecklist() {
        return actions.flatMap(Actions::printer).isPresent() && !service.materials().isEmpty();
    }

    public Checklist checklist() {
        return new Checklist(messages.get("guide.checklist.title"), service.name(), departmentName, materials(),
                actions.map(Actions::now).orElse(""));
    }

    /** Prints the checklist off the UI thread; says in one line how it went. */
    public void printChecklist() {
        if (!canPrintChecklist() || printing.get()) {
            return;
        }
        Actions a = actions.orElseThrow();
        TicketPrinter printer = a.printer().orElseThrow();
        MonoImage image = a.rendering().render(checklist(), printer.dotsWide());
        printing.set(true);
        printMessage.set("");
        printCall = a.tasks().execute(() -> {
            printer.print(image);
            return Boolean.TRUE;
        }, done -> {
            printing.set(false);
            printMessage.set(messages.get("guide.checklist.printed"));
        }, e -> {
            printing.set(false);
            LOG.warn("the materials checklist was not printed: {}", e.toString());
            String why = e instanceof PrintFailure f ? printerSentence(f.state()) : messages.get("queue.printFailed");
            printMessage.set(messages.format("guide.checklist.failed", why));
        });
    }

    private String printerSentence(PrinterState state) {
        return switch (state) {
            case PAPER_OUT -> messages.get("guide.checklist.paperOut");
            case COVER_OPEN -> messages.get("guide.checklist.coverOpen");
            case OFFLINE -> messages.get("guide.checklist.offline");
            default -> messages.get("guide.checklist.error");
        };
    }

    public ReadOnlyStringProperty printMessageProperty() {
        return printMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty printingProperty() {
        return printing.getReadOnlyProperty();
    }

    /** The citizen moved on: a print under way finishes, but its answer is not shown to the next one. */
    public void leave() {
        printCall.cancel();
    }

    public boolean found() {
        return service != null;
    }

    public String notFoundText() {
        return messages.get("guide.notFound");
    }

    public String name() {
        return service.name();
    }

    public String department() {
        return departmentName;
    }

    public List<Badges.Badge> badges() {
        return Badges.of(service, messages);
    }

    public String text(String key) {
        return messages.get(key);
    }

    public List<Field> basicInfo() {
        List<Field> f = new ArrayList<>();
        add(f, "guide.code", service.code());
        add(f, "guide.type", service.type());
        add(f, "guide.department", departmentName);
        add(f, "guide.level", service.level());
        add(f, "guide.audience", String.join(messages.get("list.separator"), service.audiences().stream()
                .map(a -> messages.get(a == Audience.PERSON ? "guide.audience.person" : "guide.audience.legal"))
                .toList()));
        if (service.visits() != null) {
            add(f, "guide.visits", messages.format("guide.visits.value", service.visits()));
        }
        return f;
    }

    /**
     * What 朗读 reads: the name, the conditions and each material with whether it is needed, as the screen shows them;
     * the rest (steps, fees, place) is for the eyes or the printed checklist.
     */
    public String spokenText() {
        if (service == null) {
            return notFoundText();
        }
        StringBuilder text = new StringBuilder(service.name()).append("。");
        text.append(messages.format("speech.guide.conditions", conditions()));
        if (!text.toString().endsWith("。")) {
            text.append("。");
        }
        List<MaterialRow> rows = materials();
        if (rows.isEmpty()) {
            text.append(messages.get("guide.materials.none"));
        } else {
            text.append(messages.format("speech.guide.materials", rows.size()));
            for (int i = 0; i < rows.size(); i++) {
                text.append(messages.format("speech.guide.material", i + 1, rows.get(i).name(), rows.get(i).necessity()));
            }
        }
        return text.toString();
    }

    public String conditions() {
        return orUnknown(service.acceptConditions());
    }

    public List<Field> variants() {
        return service.variants().stream().map(v -> new Field(v.name(), v.description())).toList();
    }

    public List<MaterialRow> materials() {
        return service.materials().stream().map(this::row).toList();
    }

    private MaterialRow row(Material m) {
        List<String> details = new ArrayList<>();
        if (!m.variant().isEmpty()) {
            details.add(messages.format("guide.materials.onlyFor", m.variant()));
        }
        details.add(messages.get("guide.materials.form." + m.form().name().toLowerCase()));
        details.add(messages.get("guide.materials.source." + m.source().name().toLowerCase()));
        if (m.blankForm()) {
            details.add(messages.get("guide.materials.blankForm"));
        }
        if (m.sampleForm()) {
            details.add(messages.get("guide.materials.sampleForm"));
        }
        String detail = String.join(" · ", details) + (m.notes().isEmpty() ? "" : "\n" + m.notes());
        String style = m.necessity().name().toLowerCase();
        return new MaterialRow(m.name(), detail, count(m.originals()), count(m.copies()),
                messages.get("guide.materials." + style), style);
    }

    private String count(int n) {
        return n == 0 ? "—" : String.valueOf(n);
    }

    public List<StepRow> steps() {
        List<StepRow> rows = new ArrayList<>();
        int i = 1;
        for (Step s : service.steps()) {
            rows.add(new StepRow(i++, s.name(), s.description(),
                    s.actor().isEmpty() ? "" : messages.format("guide.steps.actor", s.actor()),
                    s.timeLimit() == null ? "" : messages.format("guide.steps.limit", limit(s.timeLimit()))));
        }
        return rows;
    }

    public List<Field> limitsAndFee() {
        List<Field> f = new ArrayList<>();
        f.add(new Field(messages.get("guide.limits.legal"), limitOrNone(service.legalTimeLimit())));
        f.add(new Field(messages.get("guide.limits.promised"), limitOrNone(service.promisedTimeLimit())));
        var fee = service.fee();
        f.add(new Field(messages.get("guide.fee"), fee == null ? messages.get("guide.unknown")
                : fee.charged() ? orUnknown(fee.standard())
                : messages.get("guide.fee.free")));
        if (fee != null && fee.charged() && !fee.basis().isEmpty()) {
            f.add(new Field("", messages.format("guide.fee.basis", service.fee().basis())));
        }
        return f;
    }

    private String limitOrNone(TimeLimit t) {
        return t == null ? messages.get("guide.limits.none") : limit(t);
    }

    /** e.g. 20 个工作日, or 即办 for 0. */
    public String limit(TimeLimit t) {
        if (t.immediate()) {
            return messages.get("guide.limits.immediate");
        }
        return messages.format("guide.limits.value." + t.unit().name().toLowerCase(), t.value());
    }

    public List<Field> place() {
        List<Field> f = new ArrayList<>();
        var l = service.location();
        add(f, "guide.place.hall", l.hall());
        add(f, "guide.place.address", l.address());
        add(f, "guide.place.window", l.window());
        add(f, "guide.place.hours", l.hours());
        add(f, "guide.place.directions", l.directions());
        if (f.isEmpty()) {
            f.add(new Field(messages.get("guide.place.hall"), messages.get("guide.unknown")));
        }
        return f;
    }

    public List<Field> contacts() {
        List<Field> f = new ArrayList<>();
        add(f, "guide.contacts.consult", service.consultPhone());
        add(f, "guide.contacts.complaint", service.complaintPhone());
        return f;
    }

    public List<String> legalBasis() {
        return service.legalBasis();
    }

    public List<Field> faq() {
        return service.faq().stream()
                .map(q -> new Field(messages.format("guide.faq.question", q.question()),
                        messages.format("guide.faq.answer", q.answer())))
                .toList();
    }

    public Optional<String> onlineUrl() {
        return service.onlineUrl().isBlank() ? Optional.empty() : Optional.of(service.onlineUrl());
    }

    public BooleanProperty basisShownProperty() {
        return basisShown;
    }

    public void toggleBasis() {
        basisShown.set(!basisShown.get());
    }

    private void add(List<Field> fields, String key, String value) {
        if (value != null && !value.isBlank()) {
            fields.add(new Field(messages.get(key), value));
        }
    }

    private String orUnknown(String s) {
        return s == null || s.isBlank() ? messages.get("guide.unknown") : s;
    }
}
