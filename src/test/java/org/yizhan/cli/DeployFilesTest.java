package org.yizhan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The files of docs/deploy/ that a hall PC's installer copies as they are: they keep the kiosk coming back, never
 * as root, on the paths docs/deployment.md names, and the guide shows each of them exactly as it is.
 */
class DeployFilesTest {

    private static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    private static final Path DEPLOY = PROJECT.resolve("docs/deploy");
    private static final Path GUIDE = PROJECT.resolve("docs/deployment.md");

    /** A unit or desktop file: section → key → its values, in order (a key may repeat, like Environment). */
    private static Map<String, Map<String, List<String>>> ini(Path file) throws IOException {
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        Map<String, List<String>> section = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.startsWith("[")) {
                section = sections.computeIfAbsent(text.substring(1, text.length() - 1), s -> new LinkedHashMap<>());
            } else {
                int eq = text.indexOf('=');
                section.computeIfAbsent(text.substring(0, eq), k -> new ArrayList<>()).add(text.substring(eq + 1));
            }
        }
        return sections;
    }

    private static String one(Map<String, List<String>> section, String key) {
        List<String> values = section.getOrDefault(key, List.of());
        assertEquals(1, values.size(), key + " once: " + values);
        return values.get(0);
    }

    @Test
    void theUnitRestartsTheKioskForeverAsTheKioskUser() throws IOException {
        var unit = ini(DEPLOY.resolve("yizhan-kiosk.service"));
        var service = unit.get("Service");
        assertEquals("always", one(service, "Restart"));
        assertEquals("5", one(service, "RestartSec"));
        assertEquals("0", one(unit.get("Unit"), "StartLimitIntervalSec"), "a crash loop never stops the restarts");
        String user = one(service, "User");
        assertNotEquals("root", user);
        assertNotEquals("0", user);
        assertEquals("kiosk", user);
        assertEquals("SIGTERM", one(service, "KillSignal"));
        // The kiosk ends itself at most 5 s after SIGTERM (StopSignals); SIGKILL must come later than that.
        assertTrue(Integer.parseInt(one(service, "TimeoutStopSec")) > 5);
        assertTrue(one(unit.get("Unit"), "After").contains("graphical.target"));
        assertEquals("graphical.target", one(unit.get("Install"), "WantedBy"));
        assertTrue(service.get("Environment").contains("DISPLAY=:0"), service.get("Environment").toString());
        assertTrue(service.get("Environment").contains("XAUTHORITY=/home/kiosk/.Xauthority"));
        assertEquals("yizhan", one(service, "StateDirectory"), "/var/lib/yizhan, the data.dir");
        assertEquals("/var/lib/yizhan", one(service, "WorkingDirectory"));
        assertEquals("/opt/yizhan/bin/yizhan --config /etc/yizhan/kiosk.properties", one(service, "ExecStart"));
    }

    @Test
    void lightdmLogsTheSameUserIntoTheShippedSession() throws IOException {
        var lightdm = ini(DEPLOY.resolve("50-yizhan-autologin.conf")).get("Seat:*");
        assertEquals("kiosk", one(lightdm, "autologin-user"));
        assertEquals("0", one(lightdm, "autologin-user-timeout"));
        assertEquals("yizhan", one(lightdm, "autologin-session"), "names yizhan.desktop");
        String x = one(lightdm, "xserver-command");
        for (String option : List.of("-s 0", "-dpms", "-noreset")) {
            assertTrue(x.contains(option), "X keeps the screen on: " + option);
        }
        var session = ini(DEPLOY.resolve("yizhan.desktop")).get("Desktop Entry");
        assertEquals("/usr/local/bin/yizhan-xsession", one(session, "Exec"));
        String script = Files.readString(DEPLOY.resolve("yizhan-xsession"));
        assertTrue(script.startsWith("#!/bin/sh\n"));
        assertTrue(Files.isExecutable(DEPLOY.resolve("yizhan-xsession")));
        assertTrue(script.contains("\nxset s off\n") && script.contains("\nxset -dpms\n"));
        assertTrue(script.endsWith("exec sleep infinity\n"), "the session stays open");
    }

    @Test
    void theWindowsStarterLoops() throws IOException {
        String cmd = Files.readString(DEPLOY.resolve("yizhan-kiosk.cmd"));
        assertTrue(cmd.replace("\r\n", "").indexOf('\n') < 0, "CRLF lines: cmd.exe's labels are unreliable without");
        assertTrue(cmd.contains("\"C:\\Program Files\\Yizhan\\yizhan.exe\" --config \"C:\\ProgramData\\Yizhan\\kiosk.properties\""));
        assertTrue(cmd.contains(":start\r\n") && cmd.endsWith("goto start\r\n"));
    }

    @Test
    void theGuideShowsEachFileAsItIsAndNamesItsPaths() throws IOException {
        String guide = Files.readString(GUIDE);
        for (String file : List.of("yizhan-kiosk.service", "50-yizhan-autologin.conf", "yizhan.desktop", "yizhan-xsession")) {
            String text = Files.readString(DEPLOY.resolve(file));
            assertTrue(guide.contains("\n" + text + "```\n"), file + " appears in deployment.md exactly as it is");
        }
        for (String path : List.of("/opt/yizhan/", "/etc/yizhan/kiosk.properties", "/var/lib/yizhan",
                "/etc/systemd/system/yizhan-kiosk.service", "/etc/lightdm/lightdm.conf.d/50-yizhan-autologin.conf",
                "/usr/share/xsessions/yizhan.desktop", "/usr/local/bin/yizhan-xsession", "data.dir=/var/lib/yizhan",
                "C:\\ProgramData\\Yizhan\\kiosk.properties", "data.dir=C:/ProgramData/Yizhan/data",
                "C:\\Program Files\\Yizhan\\", "docs/deploy/yizhan-kiosk.cmd", "lib/app/kiosk.properties.example")) {
            assertTrue(guide.contains(path), "deployment.md names " + path);
        }
    }

    @Test
    void theProfileNamesTheLauncherTheUnitStartsAndTheGuideItsModules() throws IOException {
        String pom = Files.readString(PROJECT.resolve("pom.xml"));
        assertTrue(pom.contains("<arg value=\"--name\"/><arg value=\"yizhan\"/>"), "bin/yizhan");
        Matcher modules = Pattern.compile("<app-image.modules>([^<]+)</app-image.modules>").matcher(pom);
        assertTrue(modules.find());
        List<String> names = List.of(modules.group(1).split(","));
        for (String module : List.of("jdk.zipfs", "jdk.crypto.ec", "jdk.localedata", "jdk.unsupported", "java.sql")) {
            assertTrue(names.contains(module), "the runtime has " + module);
        }
        Matcher jlink = Pattern.compile("<app-image.jlink>([^<]+)</app-image.jlink>").matcher(pom);
        assertTrue(jlink.find());
        String guide = Files.readString(GUIDE);
        assertTrue(guide.contains("--add-modules " + modules.group(1) + " "), "the guide's jpackage command has the same modules");
        assertTrue(guide.contains("--jlink-options \"" + jlink.group(1) + "\""), "and the same jlink options");
    }
}
