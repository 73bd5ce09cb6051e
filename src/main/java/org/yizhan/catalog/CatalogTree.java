package org.yizhan.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.yizhan.model.Audience;
import org.yizhan.model.Catalog;
import org.yizhan.model.Department;
import org.yizhan.model.Faq;
import org.yizhan.model.Fee;
import org.yizhan.model.Location;
import org.yizhan.model.Material;
import org.yizhan.model.MaterialForm;
import org.yizhan.model.MaterialSource;
import org.yizhan.model.Necessity;
import org.yizhan.model.Service;
import org.yizhan.model.Step;
import org.yizhan.model.Theme;
import org.yizhan.model.TimeLimit;
import org.yizhan.model.TimeUnit;
import org.yizhan.model.Translations;
import org.yizhan.model.Variant;

/**
 * The model records as JSON trees in the shape of {@code docs/catalog-format.md}. Writing leaves out
 * optional fields that hold their default (empty text, empty list, false flags, an unknown fee); reading
 * expects a tree that {@link CatalogValidator} has accepted. The nested shapes are shared with the
 * SQLite cache's JSON columns so there is one spelling of each.
 */
final class CatalogTree {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CatalogTree() {
    }

    // ---- writing ----

    static ObjectNode toTree(Catalog catalog) {
        ObjectNode node = NODES.objectNode();
        node.put("format", CatalogJson.FORMAT);
        node.put("version", catalog.version());
        node.put("generatedAt", catalog.generatedAt().toString());
        putText(node, "title", catalog.title());
        node.put("sample", catalog.sample());
        putText(node, "notice", catalog.notice());
        Translations t = catalog.translations();
        TranslationTree.put(node, "", t);
        node.set("themes", array(catalog.themes(), theme -> {
            ObjectNode n = theme(theme);
            TranslationTree.put(n, Translations.key("themes", theme.id()) + "/", t);
            return n;
        }));
        node.set("departments", array(catalog.departments(), department -> {
            ObjectNode n = department(department);
            TranslationTree.put(n, Translations.key("departments", department.id()) + "/", t);
            return n;
        }));
        node.set("services", array(catalog.services(), service -> service(service, t)));
        return node;
    }

    /** A service with its translations, and those of its parts, in their places. */
    static ObjectNode service(Service service, Translations t) {
        ObjectNode node = service(service);
        if (t.isEmpty()) {
            return node;
        }
        String at = Translations.key("services", service.id()) + "/";
        TranslationTree.put(node, at, t);
        for (String list : List.of("variants", "materials", "steps", "faq")) {
            JsonNode items = node.get(list);
            if (items != null) {
                for (int i = 0; i < items.size(); i++) {
                    TranslationTree.put((ObjectNode) items.get(i), at + list + "/" + i + "/", t);
                }
            }
        }
        for (String object : List.of("fee", "location")) {
            if (node.get(object) instanceof ObjectNode part) {
                TranslationTree.put(part, at + object + "/", t);
            }
        }
        return node;
    }

    private static ObjectNode theme(Theme theme) {
        ObjectNode node = NODES.objectNode();
        node.put("id", theme.id());
        putText(node, "code", theme.code());
        node.put("audience", JsonNames.of(theme.audience()));
        node.put("name", theme.name());
        return node;
    }

    private static ObjectNode department(Department department) {
        ObjectNode node = NODES.objectNode();
        node.put("id", department.id());
        node.put("name", department.name());
        return node;
    }

    static ObjectNode service(Service service) {
        ObjectNode node = NODES.objectNode();
        node.put("id", service.id());
        putText(node, "code", service.code());
        node.put("name", service.name());
        putText(node, "type", service.type());
        node.put("departmentId", service.departmentId());
        putText(node, "level", service.level());
        node.set("audiences", audiences(service.audiences()));
        putList(node, "themeIds", service.themeIds(), NODES::textNode);
        putList(node, "keywords", service.keywords(), NODES::textNode);
        putText(node, "acceptConditions", service.acceptConditions());
        putList(node, "variants", service.variants(), CatalogTree::variant);
        putList(node, "materials", service.materials(), CatalogTree::material);
        putList(node, "steps", service.steps(), CatalogTree::step);
        if (service.legalTimeLimit() != null) {
            node.set("legalTimeLimit", timeLimit(service.legalTimeLimit()));
        }
        if (service.promisedTimeLimit() != null) {
            node.set("promisedTimeLimit", timeLimit(service.promisedTimeLimit()));
        }
        if (service.fee() != null) {
            node.set("fee", fee(service.fee()));
        }
        if (!service.location().equals(Location.UNKNOWN)) {
            node.set("location", location(service.location()));
        }
        putText(node, "consultPhone", service.consultPhone());
        putText(node, "complaintPhone", service.complaintPhone());
        putList(node, "legalBasis", service.legalBasis(), NODES::textNode);
        if (service.visits() != null) {
            node.put("visits", service.visits());
        }
        node.put("onlineApply", service.onlineApply());
        node.put("booking", service.booking());
        node.put("courierDelivery", service.courierDelivery());
        putText(node, "onlineUrl", service.onlineUrl());
        putList(node, "faq", service.faq(), CatalogTree::faq);
        return node;
    }

    static ObjectNode variant(Variant variant) {
        ObjectNode node = NODES.objectNode();
        node.put("name", variant.name());
        putText(node, "description", variant.description());
        return node;
    }

    static ObjectNode material(Material material) {
        ObjectNode node = NODES.objectNode();
        node.put("name", material.name());
        node.put("originals", material.originals());
        node.put("copies", material.copies());
        node.put("form", JsonNames.of(material.form()));
        node.put("necessity", JsonNames.of(material.necessity()));
        node.put("source", JsonNames.of(material.source()));
        putText(node, "notes", material.notes());
        putTrue(node, "blankForm", material.blankForm());
        putTrue(node, "sampleForm", material.sampleForm());
        putText(node, "variant", material.variant());
        return node;
    }

    static ObjectNode step(Step step) {
        ObjectNode node = NODES.objectNode();
        node.put("name", step.name());
        putText(node, "actor", step.actor());
        putText(node, "description", step.description());
        if (step.timeLimit() != null) {
            node.set("timeLimit", timeLimit(step.timeLimit()));
        }
        return node;
    }

    static ObjectNode timeLimit(TimeLimit limit) {
        ObjectNode node = NODES.objectNode();
        node.put("value", limit.value());
        node.put("unit", JsonNames.of(limit.unit()));
        return node;
    }

    static ObjectNode fee(Fee fee) {
        ObjectNode node = NODES.objectNode();
        node.put("charged", fee.charged());
        putText(node, "standard", fee.standard());
        putText(node, "basis", fee.basis());
        return node;
    }

    static ObjectNode location(Location location) {
        ObjectNode node = NODES.objectNode();
        putText(node, "hall", location.hall());
        putText(node, "address", location.address());
        putText(node, "window", location.window());
        putText(node, "hours", location.hours());
        putText(node, "directions", location.directions());
        return node;
    }

    static ObjectNode faq(Faq faq) {
        ObjectNode node = NODES.objectNode();
        node.put("question", faq.question());
        node.put("answer", faq.answer());
        return node;
    }

    static ArrayNode audiences(List<Audience> audiences) {
        return array(audiences, audience -> NODES.textNode(JsonNames.of(audience)));
    }

    static ArrayNode texts(List<String> texts) {
        return array(texts, NODES::textNode);
    }

    static ArrayNode faqs(List<Faq> faqs) {
        return array(faqs, CatalogTree::faq);
    }

    private static <T> ArrayNode array(List<T> items, Function<T, JsonNode> toNode) {
        ArrayNode array = NODES.arrayNode(items.size());
        items.forEach(item -> array.add(toNode.apply(item)));
        return array;
    }

    private static <T> void putList(ObjectNode node, String field, List<T> items, Function<T, JsonNode> toNode) {
        if (!items.isEmpty()) {
            node.set(field, array(items, toNode));
        }
    }

    private static void putText(ObjectNode node, String field, String text) {
        if (!text.isEmpty()) {
            node.put(field, text);
        }
    }

    private static void putTrue(ObjectNode node, String field, boolean flag) {
        if (flag) {
            node.put(field, true);
        }
    }

    // ---- reading ----

    static Catalog fromTree(JsonNode node) {
        java.util.Map<String, java.util.Map<String, String>> texts = new java.util.HashMap<>();
        TranslationTree.ofCatalog(node, texts);
        node.get("themes").forEach(theme -> TranslationTree.ofTheme(theme, texts));
        node.get("departments").forEach(department -> TranslationTree.ofDepartment(department, texts));
        node.get("services").forEach(service -> TranslationTree.ofService(service, texts));
        return new Catalog(
                node.get("version").longValue(),
                Instant.parse(node.get("generatedAt").textValue()),
                text(node, "title"),
                node.path("sample").asBoolean(false),
                text(node, "notice"),
                list(node.get("themes"), CatalogTree::toTheme),
                list(node.get("departments"), CatalogTree::toDepartment),
                list(node.get("services"), CatalogTree::toService),
                new Translations(texts));
    }

    static Theme toTheme(JsonNode node) {
        return new Theme(text(node, "id"), text(node, "code"),
                JsonNames.parse(Audience.class, text(node, "audience")), text(node, "name"));
    }

    static Department toDepartment(JsonNode node) {
        return new Department(text(node, "id"), text(node, "name"));
    }

    static Service toService(JsonNode node) {
        return new Service(
                text(node, "id"),
                text(node, "code"),
                text(node, "name"),
                text(node, "type"),
                text(node, "departmentId"),
                text(node, "level"),
                toAudiences(node.get("audiences")),
                toTexts(node.get("themeIds")),
                toTexts(node.get("keywords")),
                text(node, "acceptConditions"),
                list(node.get("variants"), CatalogTree::toVariant),
                list(node.get("materials"), CatalogTree::toMaterial),
                list(node.get("steps"), CatalogTree::toStep),
                toTimeLimit(node.get("legalTimeLimit")),
                toTimeLimit(node.get("promisedTimeLimit")),
                node.has("fee") ? toFee(node.get("fee")) : null,
                node.has("location") ? toLocation(node.get("location")) : Location.UNKNOWN,
                text(node, "consultPhone"),
                text(node, "complaintPhone"),
                toTexts(node.get("legalBasis")),
                node.hasNonNull("visits") ? node.get("visits").intValue() : null,
                node.path("onlineApply").asBoolean(false),
                node.path("booking").asBoolean(false),
                node.path("courierDelivery").asBoolean(false),
                text(node, "onlineUrl"),
                toFaqs(node.get("faq")));
    }

    static Variant toVariant(JsonNode node) {
        return new Variant(text(node, "name"), text(node, "description"));
    }

    static Material toMaterial(JsonNode node) {
        return new Material(
                text(node, "name"),
                node.path("originals").asInt(1),
                node.path("copies").asInt(0),
                node.has("form") ? JsonNames.parse(MaterialForm.class, text(node, "form")) : null,
                node.has("necessity") ? JsonNames.parse(Necessity.class, text(node, "necessity")) : null,
                node.has("source") ? JsonNames.parse(MaterialSource.class, text(node, "source")) : null,
                text(node, "notes"),
                node.path("blankForm").asBoolean(false),
                node.path("sampleForm").asBoolean(false),
                text(node, "variant"));
    }

    static Step toStep(JsonNode node) {
        return new Step(text(node, "name"), text(node, "actor"), text(node, "description"),
                toTimeLimit(node.get("timeLimit")));
    }

    /** Null for a missing or null node. */
    static TimeLimit toTimeLimit(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new TimeLimit(node.get("value").intValue(), JsonNames.parse(TimeUnit.class, text(node, "unit")));
    }

    static Fee toFee(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Fee(node.get("charged").booleanValue(), text(node, "standard"), text(node, "basis"));
    }

    static Location toLocation(JsonNode node) {
        return new Location(text(node, "hall"), text(node, "address"), text(node, "window"),
                text(node, "hours"), text(node, "directions"));
    }

    static List<Audience> toAudiences(JsonNode array) {
        return list(array, node -> JsonNames.parse(Audience.class, node.textValue()));
    }

    static List<String> toTexts(JsonNode array) {
        return list(array, JsonNode::textValue);
    }

    static List<Faq> toFaqs(JsonNode array) {
        return list(array, node -> new Faq(text(node, "question"), text(node, "answer")));
    }

    static <T> List<T> list(JsonNode array, Function<JsonNode, T> toItem) {
        if (array == null) {
            return List.of();
        }
        List<T> items = new ArrayList<>(array.size());
        array.forEach(node -> items.add(toItem.apply(node)));
        return items;
    }

    /** The text of an optional string field, empty when absent. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null ? "" : value.textValue();
    }
}
