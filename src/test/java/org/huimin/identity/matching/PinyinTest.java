package org.huimin.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinTest {

    @Test
    void spellsWithoutTonesAndPassesOtherCharactersThrough() {
        assertThat(Pinyin.spell("张三")).isEqualTo("zhangsan");
        assertThat(Pinyin.spell("吕丽")).isEqualTo("lvli");
        assertThat(Pinyin.spell("Zhang San")).isEqualTo("zhangsan");
        assertThat(Pinyin.spell("李2号")).isEqualTo("li2hao");
    }

    @Test
    void takesTheFirstReadingOfAPolyphone() {
        assertThat(Pinyin.of('单')).isEqualTo("dan");
        assertThat(Pinyin.of('曾')).isEqualTo(Pinyin.of('曾'));
        assertThat(Pinyin.of('a')).isEmpty();
        assertThat(Pinyin.isHan('张')).isTrue();
        assertThat(Pinyin.isHan('，')).isFalse();
    }

    @Test
    void initialsTakeOneLetterPerSyllableOrWord() {
        assertThat(Pinyin.initials("张三丰")).isEqualTo("zsf");
        assertThat(Pinyin.initials("欧阳娜娜")).isEqualTo("oynn");
        assertThat(Pinyin.initials("Zhang San")).isEqualTo("zs");
    }
}
