package org.yizhan.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.yizhan.model.Audience;
import org.yizhan.model.Theme;
import org.yizhan.testing.SharedData;

class NationalThemesTest {

    @Test
    void loadsBothListsFromTheJar() {
        List<Theme> all = NationalThemes.all();
        assertEquals(67, all.size());
        assertEquals(new Theme("person-005", "005", Audience.PERSON, "生育收养"), all.get(0));
        assertEquals(new Theme("legal-999", "999", Audience.LEGAL, "其他"), all.get(all.size() - 1));
        Set<String> ids = new HashSet<>();
        all.forEach(theme -> assertTrue(ids.add(theme.id()), theme.id()));
    }

    @Test
    void findsAThemeByAudienceAndExactName() {
        assertEquals(Optional.of(new Theme("legal-005", "005", Audience.LEGAL, "设立变更")),
                NationalThemes.find(Audience.LEGAL, "设立变更"));
        assertEquals("person-035", NationalThemes.find(Audience.PERSON, "设立变更").orElseThrow().id());
        assertEquals(Optional.empty(), NationalThemes.find(Audience.LEGAL, "户籍办理"));
        assertEquals(Optional.empty(), NationalThemes.find(Audience.PERSON, "人才"));
    }

    @Test
    void theBundledCopyMatchesTheSharedFile() throws Exception {
        Path shared = SharedData.require("data/national-themes.json");
        try (var bundled = NationalThemes.class.getResourceAsStream("national-themes.json")) {
            assertEquals(Files.readString(shared), new String(bundled.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
