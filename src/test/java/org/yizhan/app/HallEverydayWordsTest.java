package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.search.EverydayWords;

/** search.everyday-words: a hall's own words on top of ours; a missing or bad file never stops search. */
class HallEverydayWordsTest {

    @Test
    void noFileMeansTheShippedDictionary() {
        assertSame(EverydayWords.builtIn(), Kiosk.everydayWords(Optional.empty()));
    }

    @Test
    void aMissingFileIsLoggedAndTheShippedDictionaryStays(@TempDir Path dir) {
        assertSame(EverydayWords.builtIn(), Kiosk.everydayWords(Optional.of(dir.resolve("nowhere.txt"))));
    }

    @Test
    void theHallsGoodLinesAreAddedAndItsBadOnesSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("words.txt");
        Files.writeString(file, "大厅自助机 = 自助终端\nzizhu = 自助\n", StandardCharsets.UTF_8);
        EverydayWords words = Kiosk.everydayWords(Optional.of(file));
        assertEquals(EverydayWords.builtIn().size() + 1, words.size());
        assertTrue(words.entries().stream().anyMatch(e -> e.everyday().equals("大厅自助机")));
        assertEquals(1, words.problems().size());
    }
}
