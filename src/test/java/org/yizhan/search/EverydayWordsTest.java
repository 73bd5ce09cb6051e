package org.yizhan.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dictionary's format: what is read, what is refused and said, and the shipped file itself. */
class EverydayWordsTest {

    @Test
    void readsEntriesWordingsAndKnownWords() {
        EverydayWords w = EverydayWords.parse("t", """
                \uFEFF# comment
                社保, 社保卡 = 社会保险 | 社会保障   # trailing comment
                开公司 ＝ 公司 设立登记 ｜ 企业 设立登记

                结婚证 护照　监护
                """);
        assertEquals(List.of(), w.problems());
        assertEquals(3, w.size());
        Map<String, List<List<String>>> by = w.byEveryday();
        assertEquals(List.of(List.of("社会保险"), List.of("社会保障")), by.get("社保"));
        assertEquals(List.of(List.of("社会保险"), List.of("社会保障")), by.get("社保卡"));
        assertEquals(List.of(List.of("公司", "设立登记"), List.of("企业", "设立登记")), by.get("开公司"));
        assertTrue(w.knownWords().containsAll(List.of("结婚证", "护照", "监护", "社保", "设立登记", "社会保险")));
    }

    @Test
    void badLinesAreSaidAndSkippedAndTheRestIsKept() {
        EverydayWords w = EverydayWords.parse("hall.txt", """
                shebao = 社会保险
                保 = 保险
                户口本 =
                身份证 = 身份证
                低保 = 最低生活保障 |
                长 = 一 二 三 四 五
                医保 = 医疗保险
                abc
                """);
        assertEquals(1, w.size(), w.problems().toString());
        assertEquals("医保", w.entries().get(0).everyday());
        assertEquals(7, w.problems().size(), w.problems().toString());
        assertEquals(1, w.problems().get(0).line());
        assertTrue(w.problems().get(0).toString().startsWith("hall.txt line 1: "), w.problems().get(0).toString());
        assertTrue(w.problems().get(0).message().contains("Chinese characters only"));
        assertTrue(w.problems().get(3).message().contains("only means itself"));
        assertEquals(8, w.problems().get(6).line());
    }

    @Test
    void aHallsFileAddsToTheShippedOne(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("words.txt");
        Files.writeString(file, "社保 = 社保中心\n自助机 = 自助终端\n", StandardCharsets.UTF_8);
        EverydayWords hall = EverydayWords.read(file);
        assertEquals(2, hall.size());
        assertEquals("words.txt", hall.entries().get(0).source());
        EverydayWords both = EverydayWords.builtIn().plus(hall);
        List<List<String>> shebao = both.byEveryday().get("社保");
        assertEquals(List.of("社保中心"), shebao.get(shebao.size() - 1), "the hall's wording comes after ours");
        assertTrue(shebao.size() > 1);
        assertTrue(both.byEveryday().containsKey("自助机"));
    }

    @Test
    void aFileThatIsNotUtf8IsOneProblemAndNoEntries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gbk.txt");
        Files.write(file, "社保 = 社会保险\n".getBytes(Charset.forName("GBK")));
        EverydayWords w = EverydayWords.read(file);
        assertEquals(0, w.size());
        assertEquals(1, w.problems().size());
        assertTrue(w.problems().get(0).message().contains("UTF-8"));
    }

    @Test
    void theShippedDictionaryReadsCleanly() {
        EverydayWords w = EverydayWords.builtIn();
        assertEquals(List.of(), w.problems());
        assertTrue(w.size() >= 250, "a few hundred entries: " + w.size());
        assertTrue(w.knownWords().size() >= 500);
        assertTrue(w.byEveryday().get("社保").contains(List.of("社会保险")));
        assertTrue(w.byEveryday().get("开公司").contains(List.of("公司", "设立登记")));
    }
}
