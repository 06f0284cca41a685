package io.github.skycut.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTest {

    @Test
    void parsesNestedValues() {
        Object v = Json.parse(" { \"a\" : [1, -2.5e3, \"NaN\", true, false, null, {}], \"b\\\"c\" : \"x\\ny\\u00e9\" } ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(Arrays.asList(1.0, -2500.0, "NaN", true, false, null, Map.of()), m.get("a"));
        assertEquals("x\nyé", m.get("b\"c"));
        assertEquals(List.of(), Json.parse("[]"));
        assertNull(Json.parse("null"));
    }

    @Test
    void errorsNameTheOffset() {
        assertEquals("JSON at offset 5: expected ':'",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\" 1}")).getMessage());
        assertEquals("JSON at offset 3: unexpected text after the value",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("[] x")).getMessage());
        assertEquals("JSON at offset 4: unterminated string",
                assertThrows(IllegalArgumentException.class, () -> Json.parse("\"abc")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1,"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("tru"));
    }
}
