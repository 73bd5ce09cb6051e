package org.yizhan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class KioskConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        KioskConfig c = KioskConfig.defaults(Path.of("/home/kiosk"));
        assertEquals("云溪县政务服务中心", c.hallName());
        assertEquals("kiosk-01", c.kioskId());
        assertEquals(Path.of("/home/kiosk/.yizhan"), c.dataDir());
        assertEquals(Duration.ofSeconds(60), c.idleTimeout());
        assertEquals(Orientation.PORTRAIT, c.orientation());
        assertEquals(UiLanguage.ZH_HANS, c.language());
        assertFalse(c.elderModeByDefault());
    }

    @Test
    void defaultsUseTheCurrentUsersHome() {
        assertEquals(Path.of(System.getProperty("user.home"), ".yizhan").toAbsolutePath().normalize(),
                KioskConfig.defaults().dataDir());
    }

    @Test
    void everyKeyIsWiredThroughTheRecord() {
        // value(key) writes what the key's default would read back: a new key without wiring fails here.
        KioskConfig c = KioskConfig.defaults(Path.of("/home/kiosk"));
        for (ConfigKey key : ConfigKey.values()) {
            String expected = key.defaultValue().replace("${user.home}", "/home/kiosk");
            assertEquals(expected, c.value(key), key.key());
        }
    }

    @Test
    void withersChangeOneThing() {
        KioskConfig c = KioskConfig.defaults(Path.of("/home/kiosk"))
                .withIdleTimeout(Duration.ofSeconds(2))
                .withElderModeByDefault(true)
                .withLanguage(UiLanguage.EN)
                .withOrientation(Orientation.LANDSCAPE)
                .withHallName("龙潭镇便民服务中心")
                .withKioskId("lt-02")
                .withDataDir(Path.of("/data"));
        assertEquals(Duration.ofSeconds(2), c.idleTimeout());
        assertTrue(c.elderModeByDefault());
        assertEquals(Locale.ENGLISH, c.language().locale());
        assertEquals(Orientation.LANDSCAPE, c.orientation());
        assertEquals("龙潭镇便民服务中心", c.hallName());
        assertEquals("lt-02", c.kioskId());
        assertEquals(Path.of("/data"), c.dataDir());
    }

    @Test
    void recordRefusesWhatNoKioskCanRunWith() {
        KioskConfig c = KioskConfig.defaults(Path.of("/home/kiosk"));
        assertThrows(IllegalArgumentException.class, () -> c.withHallName("  "));
        assertThrows(IllegalArgumentException.class, () -> c.withIdleTimeout(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> c.withDataDir(null));
    }

    @Test
    void languagesMapToLocales() {
        assertEquals("zh-Hans", UiLanguage.ZH_HANS.locale().toLanguageTag());
        assertEquals("zh-Hant", UiLanguage.ZH_HANT.locale().toLanguageTag());
        assertEquals(UiLanguage.ZH_HANT, UiLanguage.parse(" zh-hant ").orElseThrow());
        assertEquals(Orientation.LANDSCAPE, Orientation.parse("Landscape").orElseThrow());
        assertTrue(Orientation.parse("vertical").isEmpty());
    }

    @Test
    void typoSuggestions() {
        assertEquals(ConfigKey.IDLE_TIMEOUT, ConfigKey.suggestionFor("idle.timout").orElseThrow());
        assertEquals(ConfigKey.IDLE_TIMEOUT, ConfigKey.suggestionFor("idle_timeout").orElseThrow());
        assertEquals(ConfigKey.IDLE_TIMEOUT, ConfigKey.suggestionFor("idletimeout").orElseThrow());
        assertEquals(ConfigKey.HALL_NAME, ConfigKey.suggestionFor("Hall.Name").orElseThrow());
        assertEquals(ConfigKey.KIOSK_ID, ConfigKey.suggestionFor("kisok.id").orElseThrow());
        assertEquals(ConfigKey.UI_ELDER_DEFAULT, ConfigKey.suggestionFor("ui-elder-default").orElseThrow());
        assertTrue(ConfigKey.suggestionFor("server.url").isEmpty());
        assertTrue(ConfigKey.suggestionFor("printer.name").isEmpty());
        assertEquals(1, ConfigKey.editDistance("ab", "ba"));
    }
}
