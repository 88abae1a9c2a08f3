package dbmedic.core.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {
    @Test
    void joinsPiecesIncludingACharacterSplitInTheMiddle() {
        Lines lines = new Lines();
        LineAssembler a = new LineAssembler(lines);
        byte[] bytes = "Reindexed ✓ clip_index\r\nsecond\n".getBytes(StandardCharsets.UTF_8);
        int split = "Reindexed ".length() + 1; // inside the three bytes of ✓
        a.accept(bytes, 0, split);
        assertTrue(lines.all().isEmpty());
        assertTrue(a.hasPartial());
        a.accept(bytes, split, bytes.length - split);
        assertEquals(List.of("Reindexed ✓ clip_index", "second"), lines.all());
    }

    @Test
    void streamLinesDeliversTheLastLineWithoutNewline() throws Exception {
        Lines lines = new Lines();
        StreamLines.pump(new ByteArrayInputStream("a\n\nb".getBytes(StandardCharsets.UTF_8)), lines);
        assertEquals(List.of("a", "", "b"), lines.all());
    }
}
