package org.huimin.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditChainerChunksTest {

    /** The chunks the chainer cuts a batch of {@code rows} into. */
    private static List<Integer> chunks(int rows) {
        List<Integer> sizes = new ArrayList<>();
        for (int left = rows; left > 0; left -= sizes.get(sizes.size() - 1)) {
            sizes.add(AuditChainer.chunk(left));
        }
        return sizes;
    }

    @Test
    void aBatchIsCutIntoPowersOfTwoOfAtMostSixtyFourRows() {
        assertThat(chunks(1)).containsExactly(1);
        assertThat(chunks(22)).containsExactly(16, 4, 2);
        assertThat(chunks(64)).containsExactly(64);
        assertThat(chunks(203)).containsExactly(64, 64, 64, 8, 2, 1);
        for (int rows = 1; rows <= 500; rows++) {
            List<Integer> sizes = chunks(rows);
            assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(rows);
            assertThat(sizes).allMatch(size -> Integer.bitCount(size) == 1 && size <= AuditChainer.MAX_CHUNK);
        }
    }
}
