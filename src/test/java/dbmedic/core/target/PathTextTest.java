package dbmedic.core.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PathTextTest {
    @Test
    void controlCharactersInANameCannotBreakTheLine() {
        assertEquals("two?lines.db", PathText.of("two\nlines.db"));
        assertEquals("a?b?c?d", PathText.of("a\rb\u2028c\u0000d"));
        assertEquals("Ünïcødé 数据 #?.db", PathText.of("Ünïcødé 数据 #?.db"));
    }
}
