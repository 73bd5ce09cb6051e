package org.yizhan.catalog;

import java.util.List;
import java.util.Map;

import org.yizhan.model.Material;
import org.yizhan.model.Step;
import org.yizhan.model.Variant;

/** The child rows of every service, read once per table and keyed by service id. */
record ServiceParts(
        Map<String, List<String>> themeIds,
        Map<String, List<Variant>> variants,
        Map<String, List<Material>> materials,
        Map<String, List<Step>> steps) {

    static final ServiceParts NONE = new ServiceParts(Map.of(), Map.of(), Map.of(), Map.of());

    List<String> themeIdsOf(String serviceId) {
        return themeIds.getOrDefault(serviceId, List.of());
    }

    List<Variant> variantsOf(String serviceId) {
        return variants.getOrDefault(serviceId, List.of());
    }

    List<Material> materialsOf(String serviceId) {
        return materials.getOrDefault(serviceId, List.of());
    }

    List<Step> stepsOf(String serviceId) {
        return steps.getOrDefault(serviceId, List.of());
    }
}
