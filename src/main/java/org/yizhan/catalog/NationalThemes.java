package org.yizhan.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yizhan.json.Json;
import org.yizhan.model.Audience;
import org.yizhan.model.Theme;

/**
 * The national 服务主题 code lists for 个人 and 法人 services, shipped inside the jar. Their ids follow
 * the catalog convention {@code person-CODE} / {@code legal-CODE}, because codes repeat between the lists.
 */
public final class NationalThemes {
    private static final String RESOURCE = "national-themes.json";

    private NationalThemes() {
    }

    /** Every national theme: the 个人 list, then the 法人 list, each in code order. */
    public static List<Theme> all() {
        return Holder.ALL;
    }

    /** The national theme of {@code audience} whose name is exactly {@code name}. */
    public static Optional<Theme> find(Audience audience, String name) {
        return Holder.ALL.stream()
                .filter(theme -> theme.audience() == audience && theme.name().equals(name))
                .findFirst();
    }

    public static String id(Audience audience, String code) {
        return JsonNames.of(audience) + "-" + code;
    }

    private static final class Holder {
        static final List<Theme> ALL = load();
    }

    private static List<Theme> load() {
        try (InputStream in = NationalThemes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the jar: org/yizhan/catalog/" + RESOURCE);
            }
            JsonNode root = Json.mapper().readTree(in);
            List<Theme> themes = new ArrayList<>();
            add(themes, root.get("personal_themes"), Audience.PERSON);
            add(themes, root.get("legal_person_themes"), Audience.LEGAL);
            return List.copyOf(themes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read org/yizhan/catalog/" + RESOURCE, e);
        }
    }

    private static void add(List<Theme> themes, JsonNode list, Audience audience) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no list of " + JsonNames.of(audience) + " themes");
        }
        for (JsonNode entry : list) {
            String code = entry.path("code").asText();
            themes.add(new Theme(id(audience, code), code, audience, entry.path("name").asText()));
        }
    }
}
