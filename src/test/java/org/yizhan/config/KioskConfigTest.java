package org.yizhan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
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
        assertEquals(Optional.empty(), c.serverUrl());
        assertTrue(c.embeddedServer());
        assertEquals(Duration.ofMinutes(15), c.syncInterval());
        assertEquals(Optional.empty(), c.publicKey());
        assertEquals(Optional.empty(), c.hallId());
    }

    @Test
    void defaultsUseTheCurrentUsersHome() {
        assertEquals(Path.of(System.getProperty("user.home"), ".yizhan").toAbsolutePath().normalize(),
                KioskConfig.defaults().dataDir());
    }

    @Test
    void everyKeyIsReadIntoItsDeclaredType() throws Exception {
        // A new key needs only its constant: its default is parsed and held with no further wiring.
        Path home = Path.of("/home/kiosk");
        KioskConfig c = KioskConfig.defaults(home);
        for (ConfigKey key : ConfigKey.values()) {
            Object value = key.parse(key.defaultValue(), home, home);
            assertTrue(key.type().isInstance(value), key.key());
            assertEquals(c, c.with(key, value), key.key());
        }
    }

    @Test
    void aValueOfAnotherTypeIsRefused() {
        KioskConfig c = KioskConfig.defaults(Path.of("/home/kiosk"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> c.with(ConfigKey.IDLE_TIMEOUT, 60));
        assertEquals("idle.timeout holds a Duration, not Integer: 60", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> c.with(ConfigKey.SERVER_URL, URI.create("http://h/")));
    }

    @Test
    void withChangesOneThing() {
        KioskConfig c = KioskConfig.defaults(Path.of("/home/kiosk"))
                .with(ConfigKey.IDLE_TIMEOUT, Duration.ofSeconds(2))
                .with(ConfigKey.UI_ELDER_DEFAULT, true)
                .with(ConfigKey.UI_LANGUAGE, UiLanguage.EN)
                .with(ConfigKey.DISPLAY_ORIENTATION, Orientation.LANDSCAPE)
                .with(ConfigKey.HALL_NAME, "龙潭镇便民服务中心")
                .with(ConfigKey.KIOSK_ID, "lt-02")
                .with(ConfigKey.DATA_DIR, Path.of("/data"))
                .with(ConfigKey.SERVER_URL, Optional.of(URI.create("https://hall.example/yizhan/")))
                .with(ConfigKey.SYNC_INTERVAL, Duration.ofMinutes(5))
                .with(ConfigKey.SYNC_PUBLIC_KEY, Optional.of(Path.of("/keys/hall.pub")))
                .with(ConfigKey.HALL_ID, Optional.of("longtan"));
        assertEquals(Duration.ofSeconds(2), c.idleTimeout());
        assertTrue(c.elderModeByDefault());
        assertEquals(Locale.ENGLISH, c.language().locale());
        assertEquals(Orientation.LANDSCAPE, c.orientation());
        assertEquals("龙潭镇便民服务中心", c.hallName());
        assertEquals("lt-02", c.kioskId());
        assertEquals(Path.of("/data"), c.dataDir());
        assertEquals(Optional.of(URI.create("https://hall.example/yizhan/")), c.serverUrl());
        assertFalse(c.embeddedServer());
        assertEquals(Duration.ofMinutes(5), c.syncInterval());
        assertEquals(Optional.of(Path.of("/keys/hall.pub")), c.publicKey());
        assertEquals(Optional.of("longtan"), c.hallId());
        assertTrue(c.with(ConfigKey.SERVER_URL, Optional.empty()).embeddedServer());
        assertEquals(c, c.with(ConfigKey.HALL_ID, Optional.of("longtan")), "equal by value");
    }

    @Test
    void aServerUrlAlwaysEndsWithASlash() {
        // Otherwise catalog/index.json would be resolved next to "yizhan" instead of inside it.
        KioskConfig c = KioskConfig.defaults(Path.of("/home/kiosk"))
                .with(ConfigKey.SERVER_URL, Optional.of(URI.create("HTTP://h:8080/yizhan")));
        assertEquals(URI.create("http://h:8080/yizhan/"), c.serverUrl().orElseThrow());
        assertEquals(URI.create("http://h:8080/yizhan/catalog/index.json"),
                c.serverUrl().orElseThrow().resolve("catalog/index.json"));
    }

    @Test
    void refusesWhatNoKioskCanRunWith() {
        KioskConfig c = KioskConfig.defaults(Path.of("/home/kiosk"));
        assertThrows(IllegalArgumentException.class, () -> c.with(ConfigKey.HALL_NAME, "  "));
        assertThrows(IllegalArgumentException.class, () -> c.with(ConfigKey.IDLE_TIMEOUT, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> c.with(ConfigKey.DATA_DIR, null));
        assertThrows(NullPointerException.class, () -> c.with(ConfigKey.SERVER_URL, null));
        assertThrows(NullPointerException.class, () -> c.with(ConfigKey.SYNC_INTERVAL, null));
        assertThrows(NullPointerException.class, () -> c.with(ConfigKey.SYNC_PUBLIC_KEY, null));
        assertThrows(NullPointerException.class, () -> c.with(ConfigKey.HALL_ID, null));
        assertThrows(IllegalArgumentException.class, () -> c.with(ConfigKey.SYNC_INTERVAL, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> c.with(ConfigKey.HALL_ID, Optional.of(" ")));
        assertThrows(IllegalArgumentException.class, () -> c.with(ConfigKey.SERVER_URL, Optional.of(URI.create("hall/"))));
        assertThrows(IllegalArgumentException.class,
                () -> c.with(ConfigKey.SERVER_URL, Optional.of(URI.create("http://h/?x=1"))));
    }

    @Test
    void anEmptyDefaultIsSaidInWords() {
        assertEquals("a readable file; empty only when server.url is embedded (default empty)",
                ConfigKey.SYNC_PUBLIC_KEY.expectedWithDefault());
        assertEquals("留空，或 1 到 32 个英文字母、数字、下划线 _ 或连字符 -（默认为空）",
                ConfigKey.HALL_ID.expectedWithDefaultZh());
        assertEquals("20 到 3600 之间的整数（秒）（默认 60）", ConfigKey.IDLE_TIMEOUT.expectedWithDefaultZh());
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
        assertEquals(ConfigKey.SERVER_URL, ConfigKey.suggestionFor("server_url").orElseThrow());
        assertEquals(ConfigKey.SYNC_INTERVAL, ConfigKey.suggestionFor("sync.intervall").orElseThrow());
        assertEquals(ConfigKey.SYNC_PUBLIC_KEY, ConfigKey.suggestionFor("sync.public_key").orElseThrow());
        assertEquals(ConfigKey.SYNC_PUBLIC_KEY, ConfigKey.suggestionFor("sync.publickey").orElseThrow());
        assertEquals(ConfigKey.HALL_ID, ConfigKey.suggestionFor("Hall.ID").orElseThrow());
        assertTrue(ConfigKey.suggestionFor("printer.name").isEmpty());
        assertTrue(ConfigKey.suggestionFor("server.port").isEmpty());
        assertEquals(1, ConfigKey.editDistance("ab", "ba"));
    }
}
