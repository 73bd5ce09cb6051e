package org.yizhan.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KioskConfigLoaderTest {

    private static final String LONGTAN = "龙潭镇便民服务中心";

    @TempDir
    Path dir;
    Path home;
    Path file;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        file = dir.resolve("kiosk.properties");
    }

    /** Writes {@code text}, plus each required key it does not set, at its shipped value after the last line. */
    private void write(String text) throws IOException {
        Files.writeString(file, withRequiredKeys(text), StandardCharsets.UTF_8);
    }

    static String withRequiredKeys(String text) {
        StringBuilder full = new StringBuilder(text);
        for (ConfigKey key : ConfigKey.values()) {
            boolean set = text.lines().anyMatch(l -> l.strip().startsWith(key.key() + "=")
                    || l.strip().startsWith(key.key() + " "));
            if (key.required() && !set) {
                full.append(full.isEmpty() || full.charAt(full.length() - 1) == '\n' ? "" : "\n")
                        .append(key.key()).append('=').append(key.defaultValue()).append('\n');
            }
        }
        return full.toString();
    }

    private LoadedConfig load(String text) throws Exception {
        write(text);
        return KioskConfigLoader.load(file, home);
    }

    private ConfigException failure(String text) throws IOException {
        write(text);
        return assertThrows(ConfigException.class, () -> KioskConfigLoader.load(file, home));
    }

    private ConfigException failure(byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return assertThrows(ConfigException.class, () -> KioskConfigLoader.load(file, home));
    }

    @Test
    void theRequiredKeysAloneMeanTheDefaultsForTheRest() throws Exception {
        LoadedConfig loaded = load("# nothing else set\n");
        assertEquals(KioskConfig.defaults(home), loaded.config());
        assertEquals(List.of(), loaded.warnings());
        assertTrue(Files.isDirectory(home.resolve(".yizhan")), "the default data dir is created");
    }

    @Nested
    class InChinese {

        /** Every kind of problem the loader finds, each as a technician might cause it. */
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "idle.timeout=sixty",
                "idle.timout=30",
                "hall.name=云溪县政务服务中心云溪县政务服务中心云溪县政务服务中心云溪县政务服务中心云溪县政务",
                "server.url=EMBEDDED",
                "server.url=http://admin:secret@h/",
                "server.url=http://h/%zz/",
                "server.url=http://10.1.2.3:8080/",
                "data.dir=D:\\yizhan",
                "data.dir=${user.dir}/yizhan",
                "sync.public-key=/nonexistent/hall.pub",
                "sync.replaces-key=68d89b82",
                "hall.name=\\u9f9",
                "kiosk.id=前台一号"})
        void everyProblemIsExplainedInChineseWithTheEnglishBeside(String line) throws Exception {
            ConfigException e = failure(line + "\n");
            for (ConfigProblem p : e.problems()) {
                assertTrue(p.expectedZh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                        "Chinese for " + line + ": " + p.expectedZh());
                assertFalse(p.expectedZh().matches(".*\\b(but|expected|did you mean)\\b.*"), "no English sentence in: " + p.expectedZh());
                assertFalse(p.expected().isBlank());
            }
        }

        @Test
        void aKeyIdIsSixteenHexDigits() throws Exception {
            ConfigException e = failure("sync.replaces-key=68d89b82\n");
            assertEquals(List.of("sync.replaces-key"), e.problems().stream().map(ConfigProblem::key).toList());
            assertEquals(Optional.of("0e0e4dd98e17dcfc"), load("sync.replaces-key=0E0E4DD98E17DCFC\n").config().replacesKey());
            assertEquals(Optional.empty(), load("sync.replaces-key=\n").config().replacesKey());
        }
    }

    @Nested
    class RequiredKeys {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"''", "'# 只有注释 / comments only\n\n'", "'   \n\t\n'"})
        void aFileThatSetsNothingIsOneProblemNotTheDefaults(String text) throws Exception {
            Files.writeString(file, text.replace("\\n", "\n").replace("\\t", "\t"), StandardCharsets.UTF_8);
            ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.load(file, home));
            assertEquals(1, e.problems().size(), e.getMessage());
            ConfigProblem p = e.problems().get(0);
            assertTrue(p.concernsFile());
            assertTrue(p.expected().contains("sets no keys at all") && p.expected().contains("hall.name, kiosk.id, server.url"),
                    p.expected());
            assertTrue(p.expectedZh().contains("没有任何配置项"), p.expectedZh());
        }

        @Test
        void aNearlyEmptyFileNamesEachRequiredKeyItLacks() throws Exception {
            // As a file cut short after its first lines, or one a technician started from scratch.
            Files.writeString(file, "idle.timeout=60\n", StandardCharsets.UTF_8);
            ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.load(file, home));
            assertEquals(List.of("hall.name", "kiosk.id", "server.url"), e.problems().stream().map(ConfigProblem::key).toList());
            ConfigProblem hall = e.problems().get(0);
            assertEquals("", hall.value());
            assertEquals(ConfigKey.HALL_NAME.expectedWithDefault() + ", but the file does not set it (e.g. hall.name=云溪县政务服务中心)",
                    hall.expected());
            assertTrue(hall.expected().contains("(required)"), hall.expected());
            assertTrue(hall.expectedZh().startsWith(ConfigKey.HALL_NAME.expectedZh() + "（必填），但文件中没有这一项"), hall.expectedZh());
        }

        @Test
        void serverUrlMustBeSaidEvenForTheEmbeddedServer() throws Exception {
            Files.writeString(file, "hall.name=" + LONGTAN + "\nkiosk.id=lt-01\n", StandardCharsets.UTF_8);
            ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.load(file, home));
            assertEquals(List.of("server.url"), e.problems().stream().map(ConfigProblem::key).toList());
            Files.writeString(file, "hall.name=" + LONGTAN + "\nkiosk.id=lt-01\nserver.url=embedded\n", StandardCharsets.UTF_8);
            assertTrue(KioskConfigLoader.load(file, home).config().embeddedServer());
        }

        @Test
        void theRequiredKeysAreTheOnesThatTellAKioskApart() {
            assertEquals(List.of(ConfigKey.HALL_NAME, ConfigKey.KIOSK_ID, ConfigKey.SERVER_URL),
                    java.util.Arrays.stream(ConfigKey.values()).filter(ConfigKey::required).toList());
        }
    }

    @Test
    void everyKeyIsRead() throws Exception {
        Files.writeString(home.resolve("hall.pub"), "key");
        KioskConfig c = load("""
                hall.name=%s
                kiosk.id=LT_front-2
                data.dir=${user.home}/yz
                idle.timeout=120
                display.orientation=landscape
                ui.language=zh-Hant
                ui.elder.default=true
                server.url=https://10.1.2.3:8443/yizhan
                sync.interval=30
                sync.public-key=${user.home}/hall.pub
                hall.id=longtan-01
                sync.replaces-key=68D89B82E00A9672
                """.formatted(LONGTAN)).config();
        assertEquals(KioskConfig.defaults(home)
                .with(ConfigKey.HALL_NAME, LONGTAN)
                .with(ConfigKey.KIOSK_ID, "LT_front-2")
                .with(ConfigKey.DATA_DIR, home.resolve("yz"))
                .with(ConfigKey.IDLE_TIMEOUT, Duration.ofSeconds(120))
                .with(ConfigKey.DISPLAY_ORIENTATION, Orientation.LANDSCAPE)
                .with(ConfigKey.UI_LANGUAGE, UiLanguage.ZH_HANT)
                .with(ConfigKey.UI_ELDER_DEFAULT, true)
                .with(ConfigKey.SERVER_URL, Optional.of(URI.create("https://10.1.2.3:8443/yizhan/")))
                .with(ConfigKey.SYNC_INTERVAL, Duration.ofMinutes(30))
                .with(ConfigKey.SYNC_PUBLIC_KEY, Optional.of(home.resolve("hall.pub")))
                .with(ConfigKey.HALL_ID, Optional.of("longtan-01"))
                .with(ConfigKey.SYNC_REPLACES_KEY, Optional.of("68d89b82e00a9672")), c);
    }

    @Nested
    class Encoding {

        @Test
        void chineseHallNameIsReadAsUtf8() throws Exception {
            String text = "# 大厅名称\nhall.name=" + LONGTAN + "\n";
            assertEquals(LONGTAN, load(text).config().hallName());

            // What Properties.load(InputStream) would have shown on the home screen:
            Properties latin1 = new Properties();
            latin1.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            assertNotEquals(LONGTAN, latin1.getProperty("hall.name"));
        }

        @Test
        void unicodeEscapesAreReadToo() throws Exception {
            assertEquals("龙潭", load("hall.name=\\u9f99\\u6f6d\n").config().hallName());
        }

        @Test
        void utf8ByteOrderMarkIsStrippedWithAWarning() throws Exception {
            byte[] body = withRequiredKeys("hall.name=" + LONGTAN + "\n").getBytes(StandardCharsets.UTF_8);
            byte[] bytes = new byte[body.length + 3];
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
            System.arraycopy(body, 0, bytes, 3, body.length);
            Files.write(file, bytes);

            LoadedConfig loaded = KioskConfigLoader.load(file, home);
            assertEquals(LONGTAN, loaded.config().hallName());
            assertEquals(List.of("kiosk.properties starts with a byte-order mark (BOM); it was read correctly, "
                    + "but save it as UTF-8 without BOM"), loaded.warnings());
        }

        @Test
        void aGbkFileIsOneProblemSayingHowToSaveItAsUtf8() throws Exception {
            // As Notepad's "ANSI" on a Chinese Windows writes the shipped file: Chinese comments on many lines.
            String shipped = Files.readString(Path.of(System.getProperty("user.dir"), "kiosk.properties"));
            ConfigException e = failure(shipped.replace("hall.name=云溪县政务服务中心", "hall.name=" + LONGTAN)
                    .getBytes(Charset.forName("GBK")));
            assertEquals(1, e.problems().size(), e.getMessage());
            ConfigProblem p = e.problems().get(0);
            assertTrue(p.concernsFile());
            assertFalse(e.fileMissing());
            assertTrue(p.expectedZh().startsWith("kiosk.properties 不是以 UTF-8 编码保存的，而是 GBK（“ANSI”）编码：第 "),
                    p.expectedZh());
            assertTrue(p.expectedZh().contains("行，例如“hall.name=" + LONGTAN + "”。"), "quotes the setting, not a comment: " + p.expectedZh());
            assertTrue(p.expectedZh().endsWith("请用记事本打开它，选择“文件 > 另存为”，把“编码”改为 UTF-8，保存后重新启动终端。"),
                    p.expectedZh());
            assertTrue(p.expected().contains("is not saved as UTF-8 but in GBK") && p.expected().contains(", …")
                    && p.expected().contains("set Encoding to UTF-8"), p.expected());
        }

        @Test
        void aGbkFileNamesItsLinesWithCrLfEndings() throws Exception {
            String text = "hall.name=" + LONGTAN + "\r\nkiosk.id=a\r\n# 注释\r\n";
            ConfigException e = failure(text.getBytes(Charset.forName("GBK")));
            assertEquals(List.of("kiosk.properties: kiosk.properties is not saved as UTF-8 but in GBK (\"ANSI\") "
                    + "(lines 1, 3; line says \"hall.name=" + LONGTAN + "\" when read as GBK); open it in Notepad, "
                    + "choose File > Save As, set Encoding to UTF-8, save, and start the kiosk again"), e.lines());
        }

        @Test
        void bytesThatAreNeitherUtf8NorGbkStillNameTheLine() throws Exception {
            ConfigException e = failure(new byte[] {'a', '=', '1', '\n', 'b', '=', (byte) 0xFF, '\n'});
            assertEquals("kiosk.properties: kiosk.properties is not saved as UTF-8 but in another encoding (lines 2); "
                    + "open it in Notepad, choose File > Save As, set Encoding to UTF-8, save, and start the kiosk again",
                    e.getMessage());
        }

        @Test
        void utf16IsAnError() throws Exception {
            ConfigException e = failure(("hall.name=" + LONGTAN).getBytes(StandardCharsets.UTF_16));
            assertEquals("kiosk.properties: kiosk.properties is saved as UTF-16 (it starts with a UTF-16 "
                    + "byte-order mark); open it in Notepad, choose File > Save As, set Encoding to UTF-8, save, and "
                    + "start the kiosk again", e.getMessage());
            assertTrue(e.problems().get(0).expectedZh().contains("UTF-16"), e.problems().get(0).expectedZh());
        }

        @Test
        void utf16LittleEndianIsAnErrorToo() throws Exception {
            byte[] bom = {(byte) 0xFF, (byte) 0xFE};
            byte[] body = "idle.timeout=60".getBytes(StandardCharsets.UTF_16LE);
            byte[] bytes = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, bytes, 0, 2);
            System.arraycopy(body, 0, bytes, 2, body.length);
            assertTrue(failure(bytes).getMessage().contains("UTF-16"));
            // and without a byte-order mark, the zero bytes give it away
            assertTrue(failure(body).getMessage().contains("UTF-16"));
        }

        @Test
        void malformedUnicodeEscapeNamesTheLine() throws Exception {
            ConfigException e = failure("kiosk.id=a\nhall.name=\\u9f9\nidle.timeout=sixty\n");
            assertEquals(2, e.problems().size(), e.getMessage());
            assertTrue(e.lines().get(0).contains("line 2 has a malformed \\u escape"), e.getMessage());
            assertEquals("idle.timeout", e.problems().get(1).key());
        }
    }

    @Nested
    class Values {

        @ParameterizedTest(name = "{0} = \"{1}\"")
        @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "idle.timeout        | sixty     | ''",
            "idle.timeout        | -5        | ''",
            "idle.timeout        | 19        | ''",
            "idle.timeout.elder  | 19        | ''",
            "idle.timeout.elder  | 3601      | ''",
            "idle.timeout        | 3601      | ''",
            "idle.timeout        | 60s       | ''",
            "idle.timeout        | 1.5       | ''",
            "idle.timeout        | ''        | ''",
            "display.orientation | vertical  | ''",
            "display.orientation | 竖屏       | ''",
            "ui.language         | zh-CN     | ''",
            "ui.elder.default    | yes       | ''",
            "ui.elder.default    | 是        | ''",
            "kiosk.id            | kiosk 01  | ''",
            "kiosk.id            | 一号机     | ''",
            "kiosk.id            | ''        | ''",
            "kiosk.id            | abcdefghijklmnopqrstuvwxyz0123456 | ''",
            "hall.name           | ''        | ''",
            "sync.interval       | fifteen   | ''",
            "sync.interval       | 0         | ''",
            "sync.interval       | -1        | ''",
            "sync.interval       | 1441      | ''",
            "sync.interval       | 15m       | ''",
            "sync.interval       | 2.5       | ''",
            "sync.interval       | ''        | ''",
            "hall.id             | 龙潭       | ''",
            "hall.id             | hall 01   | ''",
            "hall.id             | abcdefghijklmnopqrstuvwxyz0123456 | ''",
            "server.url          | ''        | ''",
            "server.url          | EMBEDDED  | ', but write embedded in lower case'",
            "server.url          | Embedded  | ', but write embedded in lower case'",
            "server.url          | ftp://10.1.2.3/yizhan/ | ', but it does not start with http:// or https://'",
            "server.url          | file:///srv/yizhan/    | ', but it does not start with http:// or https://'",
            "server.url          | 10.1.2.3:8080          | ', but it does not start with http:// or https://'",
            "server.url          | hall-server:8080       | ', but it does not start with http:// or https://'",
            "server.url          | http:/10.1.2.3/        | ', but it does not start with http:// or https://'",
            "server.url          | http:///yizhan/        | ', but it has no valid host name'",
            "server.url          | http://my_server/      | ', but it has no valid host name'",
            "server.url          | http://h:70000/        | ', but the port 70000 is not from 1 to 65535'",
            "server.url          | http://h/index.json?v=2 | ', but it has a query (?v=2); give only the folder'",
            "server.url          | http://h/yizhan/#top   | ', but it has a fragment (#top); give only the folder'",
            "server.url          | http://admin:secret@h/ | ', but it contains a user name or password (before @); credentials do not belong in kiosk.properties'",
            "server.url          | http://admin@h/        | ', but it contains a user name or password (before @); credentials do not belong in kiosk.properties'",
            "server.url          | http://h/my catalog/   | ', but it contains a space'",
            "server.url          | http://h/%zz/          | ', but it is not a valid URL (Malformed escape pair at character 10)'",
            "hall.name           | 云溪县政务服务中心云溪县政务服务中心云溪县政务服务中心云溪县政务服务中心云溪县政务 | ', but it has 41 characters'",
            "printer.type        | laser     | ''",
            "printer.type        | escpos    | ''",
            "printer.paper       | 57        | ''",
            "printer.paper       | 60        | ''",
            "printer.paper       | 80mm      | ''",
            "ticket.on-screen    | 是        | ''",
            "ticket.public-url   | embedded  | ''",
            "ticket.public-url   | dating.example.gov.cn | ', but it does not start with http:// or https://'",
            "outbox.max-messages | 99  | ''",
            "outbox.max-messages | 1000001 | ''",
            "outbox.max-messages | many | ''",
            "speech.engine       | festival | ''",
            "speech.engine       | yes      | ''",
            "speech.rate         | 49       | ''",
            "speech.rate         | 151      | ''",
            "speech.rate         | 80%      | ''",
            "speech.traditional  | yue      | ''",
            "speech.traditional  | 粤语      | ''",
        })
        void aBadValueIsAProblemNamingKeyValueAndExpected(String key, String value, String detail) throws Exception {
            ConfigException e = failure(key + " = " + value + "\n");
            assertEquals(1, e.problems().size(), e.getMessage());
            ConfigProblem p = e.problems().get(0);
            ConfigKey k = ConfigKey.byKey(key).orElseThrow();
            assertEquals(key, p.key());
            assertEquals(value, p.value());
            assertEquals(k.expectedWithDefault() + detail, p.expected());
            assertTrue(p.expectedZh().startsWith(k.expectedWithDefaultZh()), p.expectedZh());
            assertEquals("kiosk.properties: " + key + " = \"" + value + "\" — expected " + k.expectedWithDefault()
                    + detail, e.getMessage());
        }

        @Test
        void theMessagesOfTheNewKeysReadAsOneClearLine() throws Exception {
            assertEquals("kiosk.properties: server.url = \"EMBEDDED\" — expected embedded (in lower case) or an "
                    + "http:// or https:// URL without user name, password, spaces, ? or # (required), "
                    + "but write embedded in lower case", failure("server.url=EMBEDDED\n").getMessage());
            assertEquals("kiosk.properties: sync.interval = \"0\" — expected a whole number of minutes from 1 to "
                    + "1440 (default 15)", failure("sync.interval=0\n").getMessage());
            assertEquals("kiosk.properties: hall.id = \"龙潭\" — expected empty, or 1 to 32 letters, digits, _ or - "
                    + "(default empty)", failure("hall.id=龙潭\n").getMessage());
        }

        @Test
        void aWrongHallSecretIsNeverRepeatedOnThePage() throws Exception {
            for (String secret : new String[] {"short-secret", "a secret with spaces in it", "密钥密钥密钥密钥密钥密钥密钥密钥"}) {
                ConfigException e = failure("hall.secret=" + secret + "\n");
                assertEquals(1, e.problems().size(), e.getMessage());
                assertEquals("（已隐藏）", e.problems().get(0).value());
                assertFalse(e.getMessage().contains(secret), e.getMessage());
            }
            String secret = "Xq3-vR9_kLm2Tz8WpYb4";
            KioskConfig config = load("hall.secret=" + secret + "\n").config();
            assertEquals(java.util.Optional.of(secret), config.hallSecret());
            assertFalse(config.toString().contains(secret), "toString hides the secret");
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "escpos-tcp    | ''                  | needs the printer's host:port",
            "escpos-tcp    | 10.1.2.30:99999     | is not host:port",
            "escpos-tcp    | http://10.1.2.30/   | is not host:port",
            "escpos-tcp    | 打印机              | is not host:port",
            "escpos-device | ''                  | needs the device file",
            "none          | 10.1.2.30:9100      | which uses no address",
            "system        | /dev/usb/lp0        | which uses no address",
        })
        void thePrinterAddressMustFitThePrinterType(String type, String address, String why) throws Exception {
            ConfigException e = failure("printer.type=" + type + "\nprinter.address=" + address + "\n");
            assertEquals(1, e.problems().size(), e.getMessage());
            assertEquals("printer.address", e.problems().get(0).key());
            assertTrue(e.problems().get(0).expected().contains(why), e.problems().get(0).expected());
            assertTrue(e.problems().get(0).expectedZh().contains("printer.type"), e.problems().get(0).expectedZh());
        }

        @ParameterizedTest(name = "{0} {1}")
        @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "escpos-tcp    | 10.1.2.30:9100",
            "escpos-tcp    | printer-3.hall.local",
            "escpos-tcp    | [fe80::1]:9100",
            "escpos-device | /dev/usb/lp0",
            "escpos-device | COM3",
            "system        | ''",
            "none          | ''",
        })
        void aPrinterAddressThatFitsItsTypeIsTaken(String type, String address) throws Exception {
            KioskConfig config = load("printer.type=" + type + "\nprinter.address=" + address + "\nprinter.paper=58\n").config();
            assertEquals(type, config.printerType().value());
            assertEquals(address, config.printerAddress().orElse(""));
            assertEquals(58, config.paperMillimetres());
        }

        @Test
        void theMessageReadsAsOneClearLine() throws Exception {
            assertEquals("kiosk.properties: idle.timeout = \"sixty\" — expected a whole number of seconds from 20 "
                    + "to 3600 (default 60)", failure("idle.timeout=sixty\n").getMessage());
        }

        @Test
        void allProblemsAreReportedNotOnlyTheFirst() throws Exception {
            ConfigException e = failure("""
                    hall.name=
                    kiosk.id=kiosk 01
                    idle.timeout=-5
                    display.orientation=upright
                    ui.language=zh-Hans
                    ui.elder.default=maybe
                    idle.timout=30
                    """);
            assertEquals(List.of("hall.name", "kiosk.id", "idle.timeout", "display.orientation", "ui.elder.default",
                    "idle.timout"), e.problems().stream().map(ConfigProblem::key).toList());
            assertEquals(6, e.getMessage().lines().count());
            assertEquals(e.lines(), e.getMessage().lines().toList());
            assertFalse(e.getMessage().contains("Exception"));
        }

        @Test
        void valuesAreTrimmed() throws Exception {
            KioskConfig c = load("idle.timeout =   90  \t\nhall.name=  " + LONGTAN + "\u3000 \nkiosk.id= lt-01 \n")
                    .config();
            assertEquals(Duration.ofSeconds(90), c.idleTimeout());
            assertEquals(LONGTAN, c.hallName());
            assertEquals("lt-01", c.kioskId());
        }

        @Test
        void wordsIgnoreCase() throws Exception {
            KioskConfig c = load("display.orientation=Landscape\nui.elder.default=TRUE\nui.language=EN\n").config();
            assertEquals(Orientation.LANDSCAPE, c.orientation());
            assertTrue(c.elderModeByDefault());
            assertEquals(UiLanguage.EN, c.language());
        }

        @Test
        void timeoutBoundsAreInclusive() throws Exception {
            assertEquals(Duration.ofSeconds(20), load("idle.timeout=20").config().idleTimeout());
            assertEquals(Duration.ofHours(1), load("idle.timeout=3600").config().idleTimeout());
            assertEquals(Duration.ofSeconds(20), load("idle.timeout=20\nidle.timeout.elder=20").config().idleTimeoutElder());
            assertEquals(Duration.ofHours(1), load("idle.timeout.elder=3600").config().idleTimeoutElder());
        }

        @Test
        void elderModeGivesThreeMinutesAndNeverLessThanTheStandardTimeout() throws Exception {
            assertEquals(Duration.ofSeconds(180), load("idle.timeout=60").config().idleTimeoutElder());
            assertEquals(Duration.ofSeconds(300), load("idle.timeout=300\nidle.timeout.elder=120").config().idleTimeoutElder(),
                    "raised to idle.timeout");
        }

        @Test
        void syncIntervalBoundsAreInclusive() throws Exception {
            assertEquals(Duration.ofMinutes(1), load("sync.interval=1").config().syncInterval());
            assertEquals(Duration.ofDays(1), load("sync.interval=1440").config().syncInterval());
        }

        @Test
        void hallIdIsOptional() throws Exception {
            assertEquals(Optional.empty(), load("hall.id=\n").config().hallId());
            assertEquals(Optional.empty(), load("hall.id=   \n").config().hallId());
            assertEquals(Optional.of("LT_hall-2"), load("hall.id= LT_hall-2 \n").config().hallId());
            String max = "a".repeat(32);
            assertEquals(Optional.of(max), load("hall.id=" + max).config().hallId());
        }

        @Test
        void hallNameOfFortyCharactersIsFine() throws Exception {
            String forty = "云溪县政务服务中心".repeat(4) + "云溪县政";
            assertEquals(40, forty.length());
            assertEquals(forty, load("hall.name=" + forty).config().hallName());
        }

        @Test
        void quotedValueIsKeptButWarnedAbout() throws Exception {
            LoadedConfig loaded = load("hall.name=\"" + LONGTAN + "\"\n");
            assertEquals("\"" + LONGTAN + "\"", loaded.config().hallName());
            assertEquals(1, loaded.warnings().size());
            assertTrue(loaded.warnings().get(0).contains("hall.name is in quotes"), loaded.warnings().get(0));
        }
    }

    @Nested
    class Keys {

        @Test
        void aMistypedKeyIsAnErrorWithASuggestion() throws Exception {
            ConfigException e = failure("idle.timout=30\n");
            assertEquals("kiosk.properties: unknown key \"idle.timout\" — did you mean \"idle.timeout\"?",
                    e.getMessage());
            ConfigProblem p = e.problems().get(0);
            assertTrue(p.unknownKey());
            assertEquals(new ConfigProblem("idle.timout", "30", "did you mean \"idle.timeout\"?",
                    "没有这个配置项，是否应为“idle.timeout”？"), p);
        }

        @Test
        void caseAndSeparatorsCountAsTypos() throws Exception {
            ConfigException e = failure("idle_timeout=30\nHall.Name=" + LONGTAN + "\nui-elder-default=true\n");
            assertEquals(List.of(
                    "kiosk.properties: unknown key \"idle_timeout\" — did you mean \"idle.timeout\"?",
                    "kiosk.properties: unknown key \"Hall.Name\" — did you mean \"hall.name\"?",
                    "kiosk.properties: unknown key \"ui-elder-default\" — did you mean \"ui.elder.default\"?"),
                    e.lines());
        }

        @Test
        void anUnrelatedUnknownKeyIsOnlyAWarning() throws Exception {
            LoadedConfig loaded = load("hall.name=" + LONGTAN + "\nprinter.name=EPSON TM-T82\n");
            assertEquals(LONGTAN, loaded.config().hallName());
            assertEquals(List.of("kiosk.properties: unknown key \"printer.name\" on line 2 is ignored "
                    + "(it may belong to a newer version of Yizhan)"), loaded.warnings());
        }

        @Test
        void aKeyOfAnEarlierVersionSaysWhereItsSettingWent() throws Exception {
            LoadedConfig loaded = load("hall.name=" + LONGTAN + "\nqueue.max-tickets-per-minute=3\n");
            assertEquals(1, loaded.warnings().size());
            assertTrue(loaded.warnings().get(0).startsWith("kiosk.properties: \"queue.max-tickets-per-minute\" on line 2"
                    + " is no longer read: "), loaded.warnings().get(0));
            assertTrue(loaded.warnings().get(0).contains("ticketsPerKioskPerMinute in the hall server's queues.json"));
        }

        @Test
        void aDuplicateKeyIsAWarningAndTheLastOneWins() throws Exception {
            LoadedConfig loaded = load("idle.timeout=30\nhall.name=" + LONGTAN + "\nidle.timeout = 120\n");
            assertEquals(Duration.ofSeconds(120), loaded.config().idleTimeout());
            assertEquals(List.of("kiosk.properties: \"idle.timeout\" is set 2 times (lines 1, 3); "
                    + "the last one wins: line 3, \"120\""), loaded.warnings());
        }

        @Test
        void duplicateDetectionHonoursCommentsAndContinuations() throws Exception {
            write("""
                    # idle.timeout=30
                      ! idle.timeout=40
                    hall.name=龙潭镇\\
                        便民服务中心
                    idle.timeout=50
                    # a comment ending in a backslash does not continue \\
                    ui.language=en
                    kiosk.id=two-backslashes-do-not-continue\\\\
                    ui.elder.default=true
                    """);
            // kiosk.id is then "two-backslashes-do-not-continue\\", which is not a valid id: only that is wrong.
            ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.load(file, home));
            assertEquals(List.of("kiosk.id"), e.problems().stream().map(ConfigProblem::key).toList());
            write(Files.readString(file).replace("kiosk.id=two-backslashes-do-not-continue\\\\\n", ""));
            LoadedConfig loaded = KioskConfigLoader.load(file, home);
            assertEquals(List.of(), loaded.warnings());
            assertEquals(LONGTAN, loaded.config().hallName());
            assertEquals(Duration.ofSeconds(50), loaded.config().idleTimeout());
            assertEquals(UiLanguage.EN, loaded.config().language());
            assertTrue(loaded.config().elderModeByDefault());
        }

        @Test
        void aContinuedLineHidesTheKeyOnItsNextLine() throws Exception {
            // "hall.name=a\" continues, so "idle.timeout=30" is part of the hall name, not a second key.
            LoadedConfig loaded = load("idle.timeout=20\nhall.name=a\\\nidle.timeout=30\n");
            assertEquals(List.of(), loaded.warnings());
            assertEquals("aidle.timeout=30", loaded.config().hallName());
            assertEquals(Duration.ofSeconds(20), loaded.config().idleTimeout());
        }

        @Test
        void duplicateKeysWithSeparatorsAndEscapesAreTheSameKey() throws Exception {
            LoadedConfig loaded = load("kiosk.id a\nkiosk.id:b\n\\kiosk.id=c\n");
            assertEquals("c", loaded.config().kioskId());
            assertEquals(1, loaded.warnings().size());
            assertTrue(loaded.warnings().get(0).contains("is set 3 times (lines 1, 2, 3)"), loaded.warnings().get(0));
        }
    }

    @Nested
    class DataDir {

        @Test
        void aNestedMissingDirectoryIsCreated() throws Exception {
            Path nested = dir.resolve("a/b/c");
            KioskConfig c = load("data.dir=" + nested + "\n").config();
            assertEquals(nested, c.dataDir());
            assertTrue(Files.isDirectory(nested));
        }

        @Test
        void aPathUnderARegularFileIsAnErrorNamingDataDir() throws Exception {
            Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
            String value = plain + "/data";
            ConfigException e = failure("data.dir=" + value + "\n");
            ConfigProblem p = e.problems().get(0);
            assertEquals("data.dir", p.key());
            assertEquals(value, p.value());
            assertEquals(ConfigKey.DATA_DIR.expectedWithDefault() + ", but " + plain.resolve("data")
                    + " cannot be created: " + plain + " is a file, not a directory", p.expected());
            assertTrue(e.getMessage().startsWith("kiosk.properties: data.dir = \"" + value + "\" — expected "
                    + "a writable directory (default ${user.home}/.yizhan), but "), e.getMessage());
        }

        @Test
        void aRegularFileIsNotADataDir() throws Exception {
            Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
            ConfigException e = failure("data.dir=" + plain + "\n");
            assertTrue(e.problems().get(0).expected().contains(plain + " is a file, not a directory"),
                    e.getMessage());
        }

        @Test
        void userHomeIsExpanded() throws Exception {
            assertEquals(home.resolve("kiosk-data"), load("data.dir=${user.home}/kiosk-data\n").config().dataDir());
            assertTrue(Files.isDirectory(home.resolve("kiosk-data")));
            assertEquals(home.resolve("tilde"), load("data.dir=~/tilde\n").config().dataDir());
        }

        @Test
        void otherVariablesAreNotExpanded() throws Exception {
            ConfigException e = failure("data.dir=${HOME}/yizhan\n");
            assertTrue(e.problems().get(0).expected().endsWith("but only ${user.home} is expanded, not ${HOME}"),
                    e.getMessage());
        }

        @Test
        void aRelativePathIsRelativeToTheFilesFolder() throws Exception {
            Path conf = Files.createDirectories(dir.resolve("conf"));
            file = conf.resolve("hall.properties");
            write("data.dir=data\n");
            assertEquals(conf.resolve("data"), KioskConfigLoader.load(file, home).config().dataDir());
            write("data.dir=../shared-data\n");
            assertEquals(dir.resolve("shared-data"), KioskConfigLoader.load(file, home).config().dataDir());
            assertTrue(Files.isDirectory(dir.resolve("shared-data")));
        }

        @Test
        void aWindowsPathWithSingleBackslashesIsCaught() throws Exception {
            ConfigException e = failure("data.dir=D:\\yizhan\\data\n");
            ConfigProblem p = e.problems().get(0);
            assertEquals("data.dir", p.key());
            assertEquals("D:\\yizhan\\data", p.value());
            assertTrue(p.expected().contains("write the path with / (D:/yizhan/data)"), p.expected());
        }

        @Test
        void doubledBackslashesAndEscapedSpacesAreFine() {
            assertFalse(KioskConfigLoader.hasStrayBackslash("D:\\\\yizhan"));
            assertFalse(KioskConfigLoader.hasStrayBackslash("/opt/my\\ dir/\\u9f99"));
            assertTrue(KioskConfigLoader.hasStrayBackslash("D:\\temp"));
        }
    }

    @Nested
    class Server {

        @Test
        void aPinIsReadAsOpensslPrintsItAndACaFileMustBeThere() throws Exception {
            String pin = "AB:".repeat(31) + "AB";
            assertEquals(Optional.of("ab".repeat(32)), load("server.pin=" + pin + "\n").config().serverPin());
            Path ca = Files.writeString(dir.resolve("hall-ca.crt"), "-----BEGIN CERTIFICATE-----\n");
            assertEquals(Optional.of(ca), load("server.ca=" + ca + "\n").config().serverCa());
            ConfigException shortPin = failure("server.pin=abcd\n");
            assertEquals("server.pin", shortPin.problems().get(0).key());
            ConfigException missing = failure("server.ca=" + dir.resolve("none.crt") + "\n");
            assertTrue(missing.problems().get(0).expected().contains("does not exist"), missing.problems().toString());
            ConfigException both = failure("server.ca=" + ca + "\nserver.pin=" + "ab".repeat(32) + "\n");
            assertTrue(both.problems().get(0).expected().contains("server.ca is set too"), both.problems().toString());
        }

        @Test
        void embeddedIsTheDefaultAndNeedsNoKey() throws Exception {
            KioskConfig c = load("server.url=embedded\nsync.public-key=\n").config();
            assertTrue(c.embeddedServer());
            assertEquals(Optional.empty(), c.serverUrl());
            assertEquals(Optional.empty(), c.publicKey());
            assertTrue(load("# nothing\n").config().embeddedServer());
        }

        @Test
        void theSpeechKeysAreReadRegardlessOfCase() throws Exception {
            KioskConfig c = load("speech.engine=Espeak-NG\nspeech.rate=65\nspeech.traditional=MANDARIN\n").config();
            assertEquals(SpeechChoice.ESPEAK_NG, c.speechEngine());
            assertEquals(65, c.speechRatePercent());
            assertEquals(TraditionalVoice.MANDARIN, c.speechTraditional());
            KioskConfig defaults = load("# nothing\n").config();
            assertEquals(SpeechChoice.AUTO, defaults.speechEngine());
            assertEquals(80, defaults.speechRatePercent());
            assertEquals(TraditionalVoice.CANTONESE, defaults.speechTraditional());
            assertEquals(SpeechChoice.OFF, load("speech.engine=off\n").config().speechEngine());
            assertEquals(SpeechChoice.WINDOWS, load("speech.engine=windows\n").config().speechEngine());
        }

        @ParameterizedTest(name = "{0} is read as {1}")
        @CsvSource({
            "http://10.1.2.3:8080,           http://10.1.2.3:8080/",
            "http://10.1.2.3:8080/,          http://10.1.2.3:8080/",
            "http://hall.example/yizhan,     http://hall.example/yizhan/",
            "https://cdn.example/yizhan/v1/, https://cdn.example/yizhan/v1/",
            "HTTPS://cdn.example/a%20b,      https://cdn.example/a%20b/",
            "http://[::1]:8080,              http://[::1]:8080/",
        })
        void aUrlIsReadAsAFolder(String value, String expected) throws Exception {
            Path key = Files.writeString(dir.resolve("hall.pub"), "key");
            KioskConfig c = load("server.url=" + value + "\nsync.public-key=" + key + "\n").config();
            assertFalse(c.embeddedServer());
            assertEquals(Optional.of(URI.create(expected)), c.serverUrl());
        }

        @Test
        void aRealServerNeedsAPublicKey() throws Exception {
            ConfigException e = failure("server.url=http://10.1.2.3:8080\n");
            assertEquals(List.of(new ConfigProblem("sync.public-key", "", ConfigKey.SYNC_PUBLIC_KEY.expectedWithDefault()
                    + ", but it is required when server.url is not embedded (server.url is http://10.1.2.3:8080/)",
                    ConfigKey.SYNC_PUBLIC_KEY.expectedWithDefaultZh()
                    + "；server.url 不是 embedded（现为 http://10.1.2.3:8080/）时必须填写")), e.problems());
            assertEquals("kiosk.properties: sync.public-key = \"\" — expected a readable file; empty only when "
                    + "server.url is embedded (default empty), but it is required when server.url is not embedded "
                    + "(server.url is http://10.1.2.3:8080/)", e.getMessage());
            assertEquals(e.problems(), failure("server.url=http://10.1.2.3:8080\nsync.public-key=\n").problems());
        }

        @Test
        void theKeyRuleIsNotCheckedWhenServerUrlIsWrongItself() throws Exception {
            ConfigException e = failure("server.url=ftp://10.1.2.3/\nsync.public-key=\n");
            assertEquals(List.of("server.url"), e.problems().stream().map(ConfigProblem::key).toList());
        }

        @Test
        void theKeyIsResolvedLikeDataDir() throws Exception {
            Path conf = Files.createDirectories(dir.resolve("conf"));
            Files.writeString(conf.resolve("hall.pub"), "key");
            Files.writeString(home.resolve("home.pub"), "key");
            file = conf.resolve("kiosk.properties");
            write("sync.public-key=hall.pub\n");
            assertEquals(Optional.of(conf.resolve("hall.pub")), KioskConfigLoader.load(file, home).config().publicKey());
            write("sync.public-key=~/home.pub\n");
            assertEquals(Optional.of(home.resolve("home.pub")), KioskConfigLoader.load(file, home).config().publicKey());
            write("sync.public-key=${user.home}/home.pub\nserver.url=http://h/\n");
            KioskConfig c = KioskConfigLoader.load(file, home).config();
            assertEquals(Optional.of(home.resolve("home.pub")), c.publicKey());
        }

        @Test
        void aMissingKeyFileIsAProblemEvenWithTheEmbeddedServer() throws Exception {
            Path missing = dir.resolve("keys/hall.pub");
            ConfigException e = failure("sync.public-key=" + missing + "\n");
            assertEquals(List.of(new ConfigProblem("sync.public-key", missing.toString(),
                    ConfigKey.SYNC_PUBLIC_KEY.expectedWithDefault() + ", but " + missing + " does not exist",
                    ConfigKey.SYNC_PUBLIC_KEY.expectedWithDefaultZh() + "，但 " + missing + " 不存在")), e.problems());
        }

        @Test
        void aDirectoryIsNotAKeyFile() throws Exception {
            ConfigException e = failure("sync.public-key=" + dir + "\nserver.url=http://h/\n");
            assertEquals(List.of(new ConfigProblem("sync.public-key", dir.toString(),
                    ConfigKey.SYNC_PUBLIC_KEY.expectedWithDefault() + ", but " + dir + " is a directory, not a file",
                    ConfigKey.SYNC_PUBLIC_KEY.expectedWithDefaultZh() + "，但 " + dir + " 是文件夹，不是文件")), e.problems());
        }

        @Test
        void aDeviceIsNotAKeyFile() throws Exception {
            Path device = Path.of("/dev/null");
            assumeTrue(Files.exists(device));
            ConfigException e = failure("sync.public-key=" + device + "\n");
            assertTrue(e.problems().get(0).expected().endsWith(", but /dev/null is not a regular file"), e.getMessage());
        }

        @Test
        void anUnreadableKeyFileIsAProblem() throws Exception {
            Path key = Files.writeString(dir.resolve("hall.pub"), "key");
            assumeTrue(Files.getFileStore(key).supportsFileAttributeView("posix"));
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("---------"));
            assumeTrue(!Files.isReadable(key), "root reads every file");
            ConfigException e = failure("sync.public-key=" + key + "\n");
            assertTrue(e.problems().get(0).expected().endsWith(", but " + key + " is not readable (no permission)"),
                    e.getMessage());
        }

        @Test
        void theKeyFileIsOnlyCheckedToBeThereNotParsed() throws Exception {
            Path key = Files.writeString(dir.resolve("hall.pub"), "not a key at all");
            assertEquals(Optional.of(key), load("sync.public-key=" + key + "\n").config().publicKey());
        }

        @Test
        void aWindowsKeyPathWithSingleBackslashesIsCaught() throws Exception {
            ConfigException e = failure("sync.public-key=D:\\keys\\hall.pub\n");
            ConfigProblem p = e.problems().get(0);
            assertEquals("sync.public-key", p.key());
            assertTrue(p.expected().contains("write the path with / (D:/keys/hall.pub)"), p.expected());
        }

        @Test
        void everyServerProblemIsListedWithTheOthers() throws Exception {
            ConfigException e = failure("""
                    server.url=http://admin:secret@10.1.2.3/
                    sync.interval=0
                    sync.public-key=/nowhere/hall.pub
                    hall.id=龙潭
                    """);
            assertEquals(List.of("server.url", "sync.interval", "sync.public-key", "hall.id"),
                    e.problems().stream().map(ConfigProblem::key).toList());
        }
    }

    @Nested
    class MissingFile {

        @Test
        void aMissingFileSaysWhereItLooked() {
            Path missing = dir.resolve("nowhere/kiosk.properties");
            ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.load(missing, home));
            assertTrue(e.fileMissing());
            assertEquals(missing, e.file());
            assertEquals("kiosk.properties: file not found; looked for " + missing.toAbsolutePath() + ". Copy the "
                    + "kiosk.properties shipped with Yizhan there and set hall.name, kiosk.id and server.url, or name "
                    + "the file with --config FILE or the environment variable YIZHAN_CONFIG", e.getMessage());
            assertTrue(e.problems().get(0).expectedZh().startsWith("找不到配置文件 " + missing.toAbsolutePath()),
                    e.problems().get(0).expectedZh());
        }

        @Test
        void aDirectoryIsNotAConfigFile() {
            ConfigException e = assertThrows(ConfigException.class, () -> KioskConfigLoader.load(dir, home));
            assertFalse(e.fileMissing());
            assertTrue(e.getMessage().endsWith("is a directory, not a file"), e.getMessage());
        }
    }

    @Nested
    class TechnicianPin {

        @Test
        void noPinNoPanel() throws Exception {
            assertEquals(Optional.empty(), load("").config().technicianPin());
        }

        @Test
        void theHashHashPinPrintsIsTaken() throws Exception {
            String hash = PinHash.of("246810").toString();
            KioskConfig config = load("technician.pin=" + hash + "\n").config();
            assertTrue(config.technicianPin().orElseThrow().matches("246810"));
            assertFalse(config.technicianPin().orElseThrow().matches("246811"));
            assertFalse(config.toString().contains(hash), "the hash stays out of the log too");
        }

        @Test
        void aPlainPinIsRefusedSayingHowToMakeTheHash() throws Exception {
            ConfigException e = failure("technician.pin=246810\n");
            ConfigProblem problem = e.problems().get(0);
            assertEquals("technician.pin", problem.key());
            assertTrue(problem.expected().contains("hash-pin"), problem.expected());
            assertTrue(problem.expectedZh().contains("hash-pin"), problem.expectedZh());
            assertFalse(e.getMessage().contains("246810"), "the PIN itself is not repeated: " + e.getMessage());
        }

        @Test
        void somethingElseIsRefusedToo() throws Exception {
            ConfigException e = failure("technician.pin=pbkdf2-sha256$x$y\n");
            assertEquals("technician.pin", e.problems().get(0).key());
        }
    }
}
